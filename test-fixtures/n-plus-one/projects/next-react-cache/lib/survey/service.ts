// valid
import { cache } from 'react';
import { prisma } from '../prisma';

export const getSurvey = cache(async (surveyId: string) => prisma.survey.findUnique({ where: { id: surveyId } }));

export async function surveyLink(contactId: string, surveyId: string) {
  const survey = await getSurvey(surveyId);
  if (!survey) throw new Error(`survey ${surveyId} not found`);
  return `/s/${survey.id}?contact=${encodeURIComponent(contactId)}`;
}
