// valid
export { Entity, Table } from 'dynamodb-toolbox';
