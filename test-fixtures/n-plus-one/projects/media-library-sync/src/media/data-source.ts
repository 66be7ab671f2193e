// valid
import { DataSource } from 'typeorm';
import { Media } from './media.entity';

export const dataSource = new DataSource({ type: 'postgres', entities: [Media] });
