// Raw SQL written per item says by its text whether it reads or writes: a write's batched form is one
// INSERT, UPDATE or DELETE over every item, never one read.
import { PrismaClient } from '@prisma/client';
import knexFactory from 'knex';
import { Pool } from 'pg';

const pool = new Pool();
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const prisma = new PrismaClient();

export async function linkProjects(token: string, projects: string[]): Promise<void> {
  for (const project of projects) await pool.query('INSERT INTO token_projects (token, project) VALUES ($1, $2)', [token, project]);
  //                                    ^^^^^^^^^^ n-plus-one
}

export async function unlinkProjects(projects: string[]): Promise<void> {
  for (const project of projects) {
    await knex.raw(
      //  ^^^^^^^^ n-plus-one
      `
      -- the links only, the projects stay
      DELETE FROM token_projects WHERE project = ?`,
      [project],
    );
  }
}

export async function touchProjects(projects: string[]): Promise<void> {
  for (const project of projects) await prisma.$executeRaw`UPDATE projects SET touched_at = now() WHERE id = ${project}`;
  //                                    ^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function projectNames(projects: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const project of projects) {
    const { rows } = await pool.query('SELECT name FROM projects WHERE id = $1', [project]);
    //                     ^^^^^^^^^^ n-plus-one
    names.push(rows[0].name);
  }
  return names;
}
