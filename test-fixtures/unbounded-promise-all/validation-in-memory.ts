// A schema of a validation library checks a value in memory: checking every item at once waits for nothing.
// A schema with a step that runs the code's own function, or a `validate` of another object, is still reported.
import * as yup from 'yup';
import { z } from 'zod';

declare const addressBook: { validate(email: string): Promise<boolean> };
declare function isDisposable(domain: string): Promise<boolean>;

const contactSchema = yup.object({ email: yup.string().email().required(), name: yup.string() });
const tagSchema = z.string().min(1).max(32);
const signupSchema = yup.object({
  email: yup
    .string()
    .required()
    .test('deliverable', 'disposable address', async (email) => !(await isDisposable(email.split('@')[1]!))),
});

export async function validContacts(rows: { email: string; name: string }[]): Promise<boolean[]> {
  return Promise.all(rows.map((row) => contactSchema.isValid(row)));
}

export async function parsedTags(tags: string[]): Promise<unknown[]> {
  return Promise.all(tags.map(async (tag) => (await tagSchema.safeParseAsync(tag)).success));
}

export async function checkedSignups(emails: string[]): Promise<unknown[]> {
  return Promise.all(emails.map((email) => signupSchema.validate({ email })));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function deliverable(emails: string[]): Promise<boolean[]> {
  return Promise.all(emails.map((email) => addressBook.validate(email)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
