import * as assert from 'node:assert/strict';

/**
 * The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that the command's
 * output uses: required properties, enums, minimums, URI syntax, and no properties the schema
 * does not define (its objects set additionalProperties to false).
 */
const LEVELS = ['none', 'note', 'warning', 'error'];

type Json = Record<string, unknown>;

function object(value: unknown, where: string, allowed: readonly string[], required: readonly string[] = []): Json {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${where} is an object`);
  const record = value as Json;
  for (const key of Object.keys(record)) assert.ok(allowed.includes(key), `${where} has no property "${key}" in the schema`);
  for (const key of required) assert.ok(key in record, `${where} requires "${key}"`);
  return record;
}

function array(value: unknown, where: string): unknown[] {
  assert.ok(Array.isArray(value), `${where} is an array`);
  return value;
}

function string(value: unknown, where: string): string {
  assert.equal(typeof value, 'string', `${where} is a string`);
  return value as string;
}

function integerAtLeast(value: unknown, minimum: number, where: string): void {
  assert.ok(Number.isInteger(value) && (value as number) >= minimum, `${where} is an integer >= ${minimum}`);
}

/** RFC 3986 URI reference: no spaces or other characters that must be percent-encoded, well-formed escapes. */
function uriReference(value: unknown, where: string): void {
  const uri = string(value, where);
  assert.match(uri, /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/, `${where} is a URI reference`);
}

function absoluteUri(value: unknown, where: string): void {
  uriReference(value, where);
  assert.match(value as string, /^[A-Za-z][A-Za-z0-9+.-]*:/, `${where} is an absolute URI`);
}

function message(value: unknown, where: string): void {
  const record = object(value, where, ['text', 'markdown', 'id', 'arguments', 'properties']);
  assert.ok('text' in record || 'id' in record, `${where} has text or id`);
  if ('text' in record) string(record.text, `${where}.text`);
}

function multiformatMessage(value: unknown, where: string): void {
  const record = object(value, where, ['text', 'markdown', 'properties'], ['text']);
  string(record.text, `${where}.text`);
}

function propertyBag(value: unknown, where: string): void {
  const record = object(value, where, Object.keys(value as Json));
  if ('tags' in record) array(record.tags, `${where}.tags`).forEach((tag, index) => string(tag, `${where}.tags[${index}]`));
}

function artifactLocation(value: unknown, where: string): void {
  const record = object(value, where, ['uri', 'uriBaseId', 'index', 'description', 'properties']);
  if ('uri' in record) uriReference(record.uri, `${where}.uri`);
  if ('uriBaseId' in record) string(record.uriBaseId, `${where}.uriBaseId`);
}

function region(value: unknown, where: string): void {
  const record = object(value, where, [
    'startLine',
    'startColumn',
    'endLine',
    'endColumn',
    'charOffset',
    'charLength',
    'byteOffset',
    'byteLength',
    'snippet',
    'message',
    'sourceLanguage',
    'properties',
  ]);
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) if (key in record) integerAtLeast(record[key], 1, `${where}.${key}`);
  if ('endLine' in record) assert.ok((record.endLine as number) >= (record.startLine as number), `${where} ends after it starts`);
}

function location(value: unknown, where: string): void {
  const record = object(value, where, ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties']);
  if ('physicalLocation' in record) {
    const physical = object(record.physicalLocation, `${where}.physicalLocation`, ['address', 'artifactLocation', 'region', 'contextRegion', 'properties']);
    if ('artifactLocation' in physical) artifactLocation(physical.artifactLocation, `${where}.physicalLocation.artifactLocation`);
    if ('region' in physical) region(physical.region, `${where}.physicalLocation.region`);
  }
}

function reportingDescriptor(value: unknown, where: string): string {
  const record = object(
    value,
    where,
    [
      'id',
      'deprecatedIds',
      'guid',
      'deprecatedGuids',
      'name',
      'deprecatedNames',
      'shortDescription',
      'fullDescription',
      'messageStrings',
      'defaultConfiguration',
      'helpUri',
      'help',
      'relationships',
      'properties',
    ],
    ['id'],
  );
  if ('shortDescription' in record) multiformatMessage(record.shortDescription, `${where}.shortDescription`);
  if ('helpUri' in record) absoluteUri(record.helpUri, `${where}.helpUri`);
  if ('defaultConfiguration' in record) {
    const configuration = object(record.defaultConfiguration, `${where}.defaultConfiguration`, ['enabled', 'level', 'rank', 'parameters', 'properties']);
    if ('enabled' in configuration) assert.equal(typeof configuration.enabled, 'boolean');
    if ('level' in configuration) assert.ok(LEVELS.includes(configuration.level as string), `${where}.defaultConfiguration.level is a level`);
  }
  if ('properties' in record) propertyBag(record.properties, `${where}.properties`);
  return string(record.id, `${where}.id`);
}

function result(value: unknown, where: string, ruleIds: readonly string[]): void {
  const record = object(
    value,
    where,
    [
      'guid',
      'correlationGuid',
      'ruleId',
      'ruleIndex',
      'rule',
      'kind',
      'level',
      'message',
      'analysisTarget',
      'locations',
      'fingerprints',
      'partialFingerprints',
      'codeFlows',
      'relatedLocations',
      'suppressions',
      'baselineState',
      'rank',
      'fixes',
      'properties',
    ],
    ['message'],
  );
  message(record.message, `${where}.message`);
  if ('level' in record) assert.ok(LEVELS.includes(record.level as string), `${where}.level is a level`);
  if ('ruleIndex' in record) {
    integerAtLeast(record.ruleIndex, -1, `${where}.ruleIndex`);
    assert.equal(ruleIds[record.ruleIndex as number], record.ruleId, `${where}.ruleIndex points at its rule`);
  }
  if ('locations' in record) array(record.locations, `${where}.locations`).forEach((item, index) => location(item, `${where}.locations[${index}]`));
}

function invocation(value: unknown, where: string): void {
  const record = object(
    value,
    where,
    [
      'commandLine',
      'arguments',
      'startTimeUtc',
      'endTimeUtc',
      'exitCode',
      'executionSuccessful',
      'toolExecutionNotifications',
      'toolConfigurationNotifications',
      'workingDirectory',
      'properties',
    ],
    ['executionSuccessful'],
  );
  assert.equal(typeof record.executionSuccessful, 'boolean');
  for (const [index, item] of array(record.toolExecutionNotifications ?? [], `${where}.toolExecutionNotifications`).entries()) {
    const notification = object(
      item,
      `${where}.toolExecutionNotifications[${index}]`,
      ['locations', 'message', 'level', 'threadId', 'timeUtc', 'exception', 'descriptor', 'associatedRule', 'properties'],
      ['message'],
    );
    message(notification.message, `${where}.toolExecutionNotifications[${index}].message`);
    if ('level' in notification) assert.ok(LEVELS.includes(notification.level as string));
    for (const [at, place] of array(notification.locations ?? [], 'locations').entries())
      location(place, `${where}.toolExecutionNotifications[${index}].locations[${at}]`);
  }
}

/** Fails with the path of the first part of `log` that the SARIF 2.1.0 schema rejects. */
export function assertValidSarif(log: unknown): void {
  const root = object(log, 'log', ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], ['version', 'runs']);
  assert.equal(root.version, '2.1.0');
  if ('$schema' in root) absoluteUri(root.$schema, 'log.$schema');
  array(root.runs, 'log.runs').forEach((item, runIndex) => {
    const where = `log.runs[${runIndex}]`;
    const run = object(
      item,
      where,
      [
        'tool',
        'invocations',
        'conversion',
        'language',
        'versionControlProvenance',
        'originalUriBaseIds',
        'artifacts',
        'logicalLocations',
        'graphs',
        'results',
        'automationDetails',
        'runAggregates',
        'baselineGuid',
        'redactionTokens',
        'defaultEncoding',
        'defaultSourceLanguage',
        'newlineSequences',
        'columnKind',
        'externalPropertyFileReferences',
        'threadFlowLocations',
        'taxonomies',
        'addresses',
        'translations',
        'policies',
        'webRequests',
        'webResponses',
        'specialLocations',
        'properties',
      ],
      ['tool'],
    );
    const tool = object(run.tool, `${where}.tool`, ['driver', 'extensions', 'properties'], ['driver']);
    const driver = object(
      tool.driver,
      `${where}.tool.driver`,
      [
        'guid',
        'name',
        'organization',
        'product',
        'productSuffix',
        'version',
        'semanticVersion',
        'dottedQuadFileVersion',
        'releaseDateUtc',
        'downloadUri',
        'informationUri',
        'globalMessageStrings',
        'notifications',
        'rules',
        'taxa',
        'locations',
        'language',
        'contents',
        'isComprehensive',
        'localizedDataSemanticVersion',
        'minimumRequiredLocalizedDataSemanticVersion',
        'associatedComponent',
        'translationMetadata',
        'supportedTaxonomies',
        'properties',
      ],
      ['name'],
    );
    string(driver.name, `${where}.tool.driver.name`);
    if ('informationUri' in driver) absoluteUri(driver.informationUri, `${where}.tool.driver.informationUri`);
    const ruleIds = array(driver.rules ?? [], `${where}.tool.driver.rules`).map((rule, index) =>
      reportingDescriptor(rule, `${where}.tool.driver.rules[${index}]`),
    );
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
    if ('columnKind' in run) assert.ok(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string));
    for (const [name, base] of Object.entries(
      object(run.originalUriBaseIds ?? {}, `${where}.originalUriBaseIds`, Object.keys((run.originalUriBaseIds ?? {}) as Json)),
    )) {
      artifactLocation(base, `${where}.originalUriBaseIds.${name}`);
      assert.match((base as Json).uri as string, /\/$/, 'a base URI ends with a slash');
    }
    array(run.invocations ?? [], `${where}.invocations`).forEach((entry, index) => invocation(entry, `${where}.invocations[${index}]`));
    array(run.results ?? [], `${where}.results`).forEach((entry, index) => result(entry, `${where}.results[${index}]`, ruleIds));
  });
}
