import type { DemoOccupation } from './types';

/**
 * The demo release's occupations outside computing: a few business, health, education and arts
 * ones, chosen for their pay cases (hourly-only Actors, annual-only teachers, Buyers paid from a
 * broad OEWS group, counsellors from an OEWS aggregate, Legislators with no OEWS wage).
 */
export const OTHER_OCCUPATIONS: DemoOccupation[] = [
  {
    code: '11-1031.00',
    title: 'Legislators',
    jobZone: 4,
    description:
      'Elected members of a city, state or national assembly. They debate and vote on laws and budgets, and speak for the people of their district.',
    alternateTitles: [
      ['U.S. Representative (United States Representative)', 'U.S. Representative'],
      ['U.S. Senator (United States Senator)', 'U.S. Senator'],
      'Alderman',
      'Assembly Member',
      'Assembly Person',
    ],
    reportedTitles: [],
    related: [],
  },
  {
    code: '11-3021.00',
    title: 'Computer and Information Systems Managers',
    jobZone: 4,
    description:
      "Lead an organisation's technology teams. They set IT priorities and budgets, choose systems and vendors, and make sure projects and services run.",
    alternateTitles: [
      ['Chief Information Security Officer (CISO)', 'CISO'],
      ['Information Systems Director (IS Director)', 'IS Director'],
      'Application Development Director',
      'Computer and Information Systems Manager',
      'Computer Operations Manager',
    ],
    reportedTitles: [
      ['Information Systems Director (IS Director)', true],
      ['Information Systems Manager (IS Manager)', true],
      ['Information Technology Director (IT Director)', true],
      ['Application Development Director', false],
    ],
    related: [
      ['15-1252.00', 1],
      ['15-1211.00', 2],
      ['15-1299.08', 4],
      ['15-1243.00', 7],
      ['15-1242.00', 8],
      ['15-1244.00', 9],
      ['15-1241.00', 10],
      ['13-1111.00', 11],
    ],
  },
  {
    code: '13-1021.00',
    title: 'Buyers and Purchasing Agents, Farm Products',
    jobZone: 4,
    description:
      'Buy crops, livestock and other farm goods for processing or resale. They judge quality, compare prices and arrange delivery from growers.',
    alternateTitles: ['Agriculture Industry Coordinator', 'Agriculture Industry Specialist', 'Buyer'],
    reportedTitles: [
      ['Buyer', true],
      ['Grain Buyer', true],
      ['Grain Merchandiser', true],
      ['Grain Origination Specialist', false],
    ],
    related: [],
  },
  {
    code: '13-1111.00',
    title: 'Management Analysts',
    jobZone: 4,
    description:
      'Study how an organisation works and suggest ways to make it run better, from its processes and structure to its costs.',
    alternateTitles: ['Management Consultant', 'Business Analyst', 'Operations Analyst', 'Program Analyst'],
    reportedTitles: [
      ['Business Analyst', true],
      ['Business Consultant', true],
      ['Management Analyst', true],
      ['Administrative Analyst', false],
    ],
    related: [
      ['15-2051.01', 2],
      ['15-2051.00', 5],
      ['15-1211.00', 6],
      ['15-2031.00', 8],
      ['11-3021.00', 15],
    ],
  },
  {
    code: '13-1161.00',
    title: 'Market Research Analysts and Marketing Specialists',
    jobZone: 4,
    description:
      'Find out what customers want and how a market is moving. They design surveys, analyse sales data and help decide how to promote a product.',
    alternateTitles: [
      'Advertising Analyst',
      'Business Development Analyst',
      'Business Development Associate',
    ],
    reportedTitles: [
      ['Market Analyst', true],
      ['Market Research Analyst', true],
      ['Market Research Consultant', true],
      ['Business Development Specialist', false],
    ],
    related: [
      ['15-2051.01', 2],
      ['13-1111.00', 5],
      ['15-2051.00', 7],
    ],
  },
  {
    code: '13-2011.00',
    title: 'Accountants and Auditors',
    jobZone: 4,
    description:
      'Keep and check financial records. They prepare statements and tax returns, test that the numbers are right and advise on money matters.',
    alternateTitles: [
      ['Certified Public Accountant (CPA)', 'CPA'],
      'Account Auditor',
      'Accountant',
      'Accounting Associate',
    ],
    reportedTitles: [
      ['Accountant', true],
      ['Auditor', true],
      ['Certified Public Accountant (CPA)', true],
      ['Accounting Officer', false],
    ],
    related: [['13-1111.00', 12]],
  },
  {
    code: '21-1011.00',
    title: 'Substance Abuse and Behavioral Disorder Counselors',
    jobZone: 5,
    description:
      'Support people recovering from addiction or other behavioural problems, through individual and group counselling and treatment plans.',
    alternateTitles: [
      ['Behavior Technician (Behavior Tech)', 'Behavior Tech'],
      ['Certified Alcohol and Drug Counselor (ADAC)', 'ADAC'],
      'Addiction Counselor',
      'Addiction Recovery Specialist',
      'Addiction Therapist',
    ],
    reportedTitles: [
      ['Addictions Counselor', true],
      ['Chemical Dependency Counselor (CD Counselor)', true],
      ['Counselor', true],
      ['Case Manager', false],
    ],
    related: [],
  },
  {
    code: '25-2021.00',
    title: 'Elementary School Teachers, Except Special Education',
    jobZone: 4,
    description:
      "Teach children in the first years of school, usually several subjects to one class, and follow each child's progress.",
    alternateTitles: [
      ['ESL Teacher (English as a Second Language Teacher)', 'ESL Teacher'],
      ['Math Teacher (Mathematics Teacher)', 'Math Teacher'],
      'Art Educator',
      'Art Instructor',
      'Art Teacher',
    ],
    reportedTitles: [
      ['Classroom Teacher', true],
      ['Elementary School Teacher', true],
      ['Elementary Teacher', true],
      ['Art Teacher', false],
    ],
    related: [],
  },
  {
    code: '27-1024.00',
    title: 'Graphic Designers',
    jobZone: 4,
    description:
      'Create the visual side of print and digital media: logos, layouts, illustrations and graphics that get a message across.',
    alternateTitles: [
      ['Ad Designer (Advertising Designer)', 'Ad Designer'],
      ['Ad Layout Worker (Advertising Layout Worker)', 'Ad Layout Worker'],
      'Artist',
      'Brand Designer',
      'Catalogue Illustrator',
    ],
    reportedTitles: [
      ['Artist', true],
      ['Designer', true],
      ['Graphic Artist', true],
      ['Brand Designer', false],
    ],
    related: [
      ['15-1255.00', 3],
      ['15-1252.00', 10],
      ['15-1254.00', 18],
    ],
  },
  {
    code: '27-2011.00',
    title: 'Actors',
    jobZone: 2,
    description:
      'Perform roles on stage, on screen, on the radio or in games, bringing characters to life for an audience.',
    alternateTitles: ['Actor', 'Actress', 'Voice-Over Artist', 'Comedian'],
    reportedTitles: [
      ['Actor', true],
      ['Actress', true],
      ['Comedian', true],
      ['Comic', false],
    ],
    related: [],
  },
  {
    code: '29-1141.00',
    title: 'Registered Nurses',
    jobZone: 4,
    description:
      'Care for patients in hospitals, clinics and homes. They assess patients, give treatments and medicines, and teach patients and families about their health.',
    alternateTitles: [
      ['Registered Nurse (RN)', 'RN'],
      'Charge Nurse',
      ['Emergency Room Registered Nurse (ER RN)', 'ER RN'],
      'Staff Nurse',
      'Pediatric Nurse',
    ],
    reportedTitles: [
      ['Charge Nurse', true],
      ['Emergency Department RN (Emergency Department Registered Nurse)', true],
      ['Operating Room Registered Nurse (OR RN)', true],
      ['Certified Operating Room Nurse (CNOR)', false],
    ],
    related: [
      ['29-1171.00', 2],
      ['29-1141.01', 3],
    ],
  },
  {
    code: '29-1141.01',
    title: 'Acute Care Nurses',
    jobZone: 3,
    description:
      'Nurse patients with severe or sudden illness or injury, often in intensive care or emergency settings, and watch them closely for changes.',
    alternateTitles: [
      'Acute Care Nurse',
      ['ICU Travel RN (Intensive Care Unit Travel Registered Nurse)', 'ICU Travel RN'],
      ['Progressive Care RN (Progressive Care Registered Nurse)', 'Progressive Care RN'],
    ],
    reportedTitles: [
      ['Cardiac Interventional Care Nurse', true],
      ['Charge Nurse', true],
      ['Progressive Care Unit RN (Progressive Care Unit Registered Nurse)', true],
      ['Preceptor', false],
    ],
    related: [
      ['29-1141.00', 3],
      ['29-1171.00', 12],
    ],
  },
  {
    code: '29-1171.00',
    title: 'Nurse Practitioners',
    jobZone: 5,
    description:
      "Advanced practice nurses who diagnose and treat illnesses, order tests and prescribe medicines, often as a patient's main health care provider.",
    alternateTitles: [
      ['ACNP (Acute Care Nurse Practitioner)', 'ACNP'],
      ['Advanced Practice Nurse (APN)', 'APN'],
      'Adult Nurse Practitioner',
      'Advanced Practice Provider',
      'Cardiology Nurse Practitioner',
    ],
    reportedTitles: [
      ['ACNP (Acute Care Nurse Practitioner)', true],
      ['Family Nurse Practitioner (FNP)', true],
      ['Gastroenterology Nurse Practitioner', true],
      ['Adult Nurse Practitioner', false],
    ],
    related: [
      ['29-1141.00', 4],
      ['29-1141.01', 6],
    ],
  },
  {
    code: '43-4051.00',
    title: 'Customer Service Representatives',
    jobZone: 2,
    description:
      "Answer customers' questions and complaints by phone, chat or in person, and sort out orders, accounts and problems.",
    alternateTitles: [
      ['Claims Customer Service Representative (Claims CSR)', 'Claims CSR'],
      ['Client Service Representative (Client Service Rep)', 'Client Service Rep'],
      'Account Adjuster',
      'Account Representative',
      'Adjustment Clerk',
    ],
    reportedTitles: [
      ['Account Representative', true],
      ['Customer Service Representative (CSR)', true],
      ['Customer Service Specialist', true],
      ['Call Center Representative', false],
    ],
    related: [['13-1111.00', 17]],
  },
];
