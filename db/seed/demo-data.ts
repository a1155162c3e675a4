export const DEMO_ISSUER = {
  slug: 'challenge-labs',
  name: 'Challenge Labs',
  url: 'https://challenge-labs.example',
  email: 'badges@challenge-labs.example',
  description: 'Hands-on labs in real cloud environments. Every badge is earned by completing a graded lab.',
};

export const DEMO_TEMPLATES = [
  {
    name: 'Linux Command Line Foundations',
    description: 'Navigates a Linux system from the shell: files, permissions, processes, pipes and scripts.',
    criteriaNarrative:
      'Completed all six graded labs of the Linux Foundations track with a score of at least 80%.',
    criteriaUrl: 'https://challenge-labs.example/tracks/linux-foundations',
    skills: ['Linux', 'Bash', 'Shell Scripting'],
    validityDays: null,
    art: { label: 'LINUX', colour: '#1e3a8a', glyph: '$_' },
  },
  {
    name: 'Kubernetes Operator',
    description: 'Deploys, scales and troubleshoots workloads on a Kubernetes cluster.',
    criteriaNarrative:
      'Passed the timed Kubernetes practical: deploy an app, fix a broken rollout, configure autoscaling.',
    criteriaUrl: null,
    skills: ['Kubernetes', 'Docker', 'YAML'],
    validityDays: 730,
    art: { label: 'K8S OPERATOR', colour: '#14532d', glyph: 'K8s' },
  },
  {
    name: 'Cloud Security Essentials',
    description: 'Secures a cloud account: identity and access, encryption, logging and network boundaries.',
    criteriaNarrative:
      'Completed the Cloud Security lab series, including the capstone incident-response exercise.',
    criteriaUrl: 'https://challenge-labs.example/tracks/cloud-security',
    skills: ['AWS', 'IAM', 'Cloud Security'],
    validityDays: 1095,
    art: { label: 'CLOUD SEC', colour: '#7c2d12', glyph: 'SEC' },
  },
] as const;

export const DEMO_LEARNER = {
  name: 'Dana Demo',
  email: 'demo@laurel.example',
  password: 'laurel-demo-password',
};

export const DEMO_ISSUER_ADMIN = {
  name: 'Ivy Issuer',
  email: 'issuer@laurel.example',
  password: 'laurel-issuer-password',
};
