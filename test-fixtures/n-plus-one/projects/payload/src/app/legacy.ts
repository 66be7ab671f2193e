import payload from 'payload';

/** Payload 2: the default export is the instance. */
export async function titlesOf(ids: string[]) {
  return Promise.all(ids.map((id) => payload.findByID({ collection: 'pages', id })));
//                                   ^^^^^^^^^^^^^^^^ n-plus-one
}
