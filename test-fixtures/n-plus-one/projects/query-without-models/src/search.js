// valid
// `query()` chains in a project that declares no Objection models (a project of its own: the shared fixtures declare some): a search index, a GraphQL client.
function searchEach(index, terms) {
  return terms.map((term) => index.documents.query().where('title', term).limit(5));
}

function fetchEach(context, names) {
  return names.map((name) => context.apollo.query({ query: name }).then((result) => result.data));
}

module.exports = { searchEach, fetchEach };
