// valid
import { buildConfig } from 'payload';
import { Carts } from './collections/Carts';

export default buildConfig({ collections: [Carts], secret: process.env.PAYLOAD_SECRET ?? '' });
