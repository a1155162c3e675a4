import { Heading, Hr, Text } from '@react-email/components';
import { ActionButton, EmailFrame } from './email-frame';
import { muted, paragraph, rule, title } from './email-styles';

export type DataExportReadyEmailProps = {
  name: string;
  /** The zip's size, written for people ("2.4 MB"). */
  size: string;
  /** The last day it can be downloaded ("10 March 2026"). */
  expiresOn: string;
  /** The Settings section where the signed-in owner downloads it: never the file itself. */
  settingsUrl: string;
};

export function DataExportReadyEmail({ name, size, expiresOn, settingsUrl }: DataExportReadyEmailProps) {
  return (
    <EmailFrame preview="Your Laurel data is ready">
      <Text style={paragraph}>Hi {name},</Text>
      <Heading as="h1" style={title}>
        Your Laurel data is ready
      </Heading>
      <Text style={paragraph}>
        The zip file you asked for ({size}) holds your badges with their Open Badges files, your profile and
        your account's history. Sign in and download it from Settings until {expiresOn}.
      </Text>
      <ActionButton href={settingsUrl}>Go to Download your data</ActionButton>
      <Hr style={rule} />
      <Text style={muted}>
        Only you can download it, after signing in. If you did not ask for your data, change your password:
        someone else may be signed in to your account.
      </Text>
    </EmailFrame>
  );
}

DataExportReadyEmail.PreviewProps = {
  name: 'Amara Okafor',
  size: '2.4 MB',
  expiresOn: '10 March 2026',
  settingsUrl: 'https://laurel.example.com/settings#download-your-data',
} satisfies DataExportReadyEmailProps;
