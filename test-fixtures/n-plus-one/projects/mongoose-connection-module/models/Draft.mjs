// valid
import registry from '../infrastructure/registry.mjs';

const DraftDefinition = new registry.Definition({ body: String });

export const Draft = registry.model('Draft', DraftDefinition);
