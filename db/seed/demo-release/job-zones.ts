/**
 * O*NET's five Job Zones (how much preparation an occupation needs), named as O*NET names them and
 * explained in Laurel's own words: `[zone, name, experience, education, training, examples]`.
 */
export const DEMO_JOB_ZONES: [number, string, string, string, string, string][] = [
  [
    1,
    'Job Zone One: Little or No Preparation Needed',
    'No earlier work experience is expected.',
    'A high school diploma may be asked for, but often is not.',
    'A few days to a few months of learning on the job.',
    'Work such as serving food, cleaning or simple assembly.',
  ],
  [
    2,
    'Job Zone Two: Some Preparation Needed',
    'Some earlier experience helps, such as time spent dealing with customers.',
    'Usually a high school diploma.',
    'A few months to a year of training on the job or with experienced colleagues.',
    'Work such as customer service, retail sales or performing.',
  ],
  [
    3,
    'Job Zone Three: Medium Preparation Needed',
    'A year or two of related experience, an apprenticeship or a traineeship is usual.',
    "Most of these occupations ask for vocational training, an associate's degree or a similar certificate.",
    'One or two years of training on the job, or a formal apprenticeship.',
    'Work such as IT support, web development or practical nursing.',
  ],
  [
    4,
    'Job Zone Four: Considerable Preparation Needed',
    'Several years of related work experience is usual.',
    "Most of these occupations ask for a four-year bachelor's degree.",
    'Several years of work experience, plus on-the-job training to learn how the employer works.',
    'Work such as software development, accounting or registered nursing.',
  ],
  [
    5,
    'Job Zone Five: Extensive Preparation Needed',
    'Many years of experience; some of these occupations expect more than five years.',
    "Most ask for a graduate degree: a master's, a doctorate or a professional degree.",
    'Often some on-the-job training, though many already have the skills from their studies.',
    'Work such as research science, statistics or advanced practice nursing.',
  ],
];
