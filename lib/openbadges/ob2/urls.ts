/** Where Laurel hosts each Open Badges 2.0 document, and the human pages that go with them. */
export const ob2Urls = (appUrl: string) => ({
  assertion: (awardId: string) => `${appUrl}/ob/v2/assertions/${awardId}`,
  badgeClass: (templateId: string) => `${appUrl}/ob/v2/badges/${templateId}`,
  issuer: (issuerId: string) => `${appUrl}/ob/v2/issuers/${issuerId}`,
  badgePage: (awardId: string) => `${appUrl}/badges/${awardId}`,
  issuerPage: (slug: string) => `${appUrl}/issuers/${slug}`,
  image: (imageId: string) => `${appUrl}/images/${imageId}`,
  bakedPng: (awardId: string) => `${appUrl}/badges/${awardId}/download/png`,
});

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
export const OB2_CONTENT_TYPE = 'application/ld+json; charset=utf-8';
