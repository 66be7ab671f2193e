// valid
import { DataSource } from 'typeorm';
import { Post } from './entities/post.entity';
import { User } from './entities/user.entity';

export const AppDataSource = new DataSource({ type: 'postgres', entities: [User, Post] });
export const postRepository = AppDataSource.getRepository(Post);
