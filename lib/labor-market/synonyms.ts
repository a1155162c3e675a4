/**
 * What common badge tags mean in O*NET's words, curated by hand. Where aliases.ts names the one
 * technology a tag is another name for, a synonym says what to look for instead: technology
 * names, job-title phrases ("cloud security" is in "Cloud Security Engineer") or O*NET skill and
 * knowledge names ("Speaking"). Tags are compared loosely (case, punctuation, plurals), and a
 * target the release lacks simply finds nothing.
 *
 * `relation` marks targets that are close relatives rather than the same thing; such matches
 * count for less, and the skill page says why they were made.
 */
export type Synonym = {
  tags: readonly string[];
  /** What the skill page calls the tag. */
  label: string;
  means: readonly string[];
  relation?: string;
};

export const SYNONYMS: readonly Synonym[] = [
  {
    tags: ['IAM', 'IdAM', 'Identity and access management', 'Identity management', 'Access management'],
    label: 'Identity and access management (IAM)',
    means: ['Access management software', 'identity and access management', 'information security'],
  },
  {
    tags: ['Cloud security', 'Cloud computing security'],
    label: 'Cloud security',
    means: ['cloud security', 'information security'],
  },
  {
    tags: ['Cybersecurity', 'Cyber security', 'InfoSec', 'Information security', 'IT security'],
    label: 'Information security',
    means: ['information security', 'cybersecurity analyst', 'cyber security analyst'],
  },
  {
    tags: ['Network security'],
    label: 'Network security',
    means: ['network security', 'information security'],
  },
  { tags: ['K8s', 'Kube'], label: 'Kubernetes', means: ['Kubernetes'] },
  { tags: ['JS', 'ECMAScript', 'ES6'], label: 'JavaScript', means: ['JavaScript'] },
  { tags: ['TS'], label: 'TypeScript', means: ['TypeScript'] },
  { tags: ['Py', 'Python 3', 'Python3'], label: 'Python', means: ['Python'] },
  { tags: ['SQL', 'T-SQL', 'PL/SQL', 'SQL queries'], label: 'SQL', means: ['Structured query language SQL'] },
  {
    tags: ['Shell', 'Shell scripting', 'Scripting'],
    label: 'Shell scripting',
    means: ['Shell script', 'Bash'],
  },
  { tags: ['GitHub', 'GitLab', 'Version control'], label: 'Version control', means: ['Git'] },
  { tags: ['ML', 'Machine learning'], label: 'Machine learning', means: ['machine learning'] },
  {
    tags: ['AI', 'Artificial intelligence'],
    label: 'Artificial intelligence',
    means: ['artificial intelligence'],
  },
  { tags: ['DevOps', 'Dev Ops'], label: 'DevOps', means: ['devops'] },
  {
    tags: ['CI/CD', 'CICD', 'Continuous integration', 'Continuous delivery'],
    label: 'Continuous integration and delivery (CI/CD)',
    means: ['Jenkins CI', 'continuous integration'],
  },
  {
    tags: ['IaC', 'Infrastructure as code'],
    label: 'Infrastructure as code',
    means: ['IBM Terraform', 'Ansible software'],
  },
  {
    tags: ['Containers', 'Containerization', 'Docker containers'],
    label: 'Containers',
    means: ['Docker', 'Kubernetes'],
  },
  {
    tags: ['YAML', 'YML'],
    label: 'YAML',
    means: ['JavaScript Object Notation JSON'],
    relation: 'YAML is a superset of JSON, the nearest data format the O*NET data lists',
  },
  {
    tags: ['Cloud', 'Cloud computing', 'Cloud platforms'],
    label: 'Cloud computing',
    means: ['Amazon Web Services AWS software', 'Microsoft Azure software', 'Google Cloud software'],
    relation: 'these are the main cloud platforms',
  },
  {
    tags: ['Database', 'Relational databases', 'RDBMS'],
    label: 'Databases',
    means: ['database administrator', 'database architect', 'Structured query language SQL'],
  },
  { tags: ['Spreadsheets'], label: 'Spreadsheets', means: ['Microsoft Excel'] },
  {
    tags: ['Microsoft Office', 'Office 365', 'Microsoft 365', 'M365'],
    label: 'Microsoft Office',
    means: ['Microsoft Office software'],
  },
  {
    tags: ['Data analysis', 'Data analytics', 'Analytics'],
    label: 'Data analysis',
    means: ['data analyst', 'business intelligence analyst'],
  },
  { tags: ['Statistics', 'Statistical analysis'], label: 'Statistics', means: ['statistician'] },
  {
    tags: ['Networking', 'Computer networking', 'Computer networks'],
    label: 'Computer networking',
    means: ['network administrator', 'network engineer', 'network architect'],
  },
  {
    tags: ['System administration', 'Systems administration', 'Sysadmin'],
    label: 'System administration',
    means: ['systems administrator', 'system administrator'],
  },
  {
    tags: ['Web development', 'Front-end development', 'Frontend', 'Front end'],
    label: 'Web development',
    means: ['web developer', 'JavaScript', 'Hypertext markup language HTML'],
  },
  {
    tags: ['UX', 'UX design', 'User experience', 'UI design', 'UI/UX'],
    label: 'User experience design',
    means: ['user experience designer', 'web and digital interface designer', 'Figma'],
  },
  {
    tags: ['Graphic design', 'Visual design'],
    label: 'Graphic design',
    means: ['graphic designer', 'Adobe Illustrator', 'Adobe InDesign'],
  },
  {
    tags: ['Accounting', 'Bookkeeping'],
    label: 'Accounting',
    means: ['accountant', 'Economics and Accounting', 'Intuit QuickBooks'],
  },
  { tags: ['Nursing', 'Patient care'], label: 'Nursing', means: ['registered nurse', 'nurse practitioner'] },
  {
    tags: ['Customer service', 'Customer support'],
    label: 'Customer service',
    means: ['Customer and Personal Service', 'customer service representative'],
  },
  {
    tags: ['Project management'],
    label: 'Project management',
    means: ['Microsoft Project', 'project manager'],
  },
  {
    tags: ['Communication', 'Communication skills', 'Verbal communication'],
    label: 'Communication',
    means: ['Speaking', 'Active Listening'],
  },
  { tags: ['Written communication', 'Writing skills'], label: 'Writing', means: ['Writing'] },
  { tags: ['Teamwork', 'Collaboration'], label: 'Teamwork', means: ['Coordination'] },
  {
    tags: ['Leadership', 'People management', 'Team leadership'],
    label: 'Leadership',
    means: ['Management of Personnel Resources'],
  },
  { tags: ['Problem solving'], label: 'Problem solving', means: ['Complex Problem Solving'] },
  { tags: ['Teaching', 'Instruction'], label: 'Teaching', means: ['Instructing', 'Education and Training'] },
];
