// valid
import { DataSource } from 'typeorm';
import { Author, Book } from './authors/author.entity';

export const AppDataSource = new DataSource({ type: 'postgres', entities: [Author, Book] });
