import { getSurvey, surveyLink } from '../../lib/survey/service';

// Every contact's link reads the same survey: React's cache runs that query once for the request.
export async function contactLinks(surveyId: string, contactIds: string[]) {
  const links: string[] = [];
  for (const contactId of contactIds) links.push(await surveyLink(contactId, surveyId));
//                                               ^^^^^ await-in-loop
  return links;
}

export async function surveyTitles(surveyIds: string[]) {
  const titles: string[] = [];
  for (const surveyId of surveyIds) {
    const survey = await getSurvey(surveyId);
//                       ^^^^^^^^^ n-plus-one
    titles.push(survey?.title ?? '');
  }
  return titles;
}
