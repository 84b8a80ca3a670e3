/**
 * Note templates from Postgres (`note_template`): the newest active version of each for the
 * picker, and any exact version a stored draft names. Section lists are validated on the way out,
 * so a hand-edited row that breaks the shape is an error here, not a broken editor.
 *
 * @module
 */
import { z } from 'zod';
import type { Queryable } from '../../db/db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { NoteTemplate } from './note-template.ts';

const sectionsSchema = z
  .array(
    z.object({
      key: z.string().min(1),
      title: z.string().min(1),
      role: z.enum([
        'chief_complaint',
        'hpi',
        'ros',
        'history',
        'medications',
        'allergies',
        'exam',
        'results',
        'assessment_plan',
        'patient_instructions',
      ]),
      instruction: z.string(),
    }),
  )
  .min(1);

interface Row {
  id: string;
  version: number;
  name: string;
  specialty: string;
  sections: unknown;
}

function toTemplate(row: Row): NoteTemplate {
  const sections = sectionsSchema.safeParse(row.sections);
  if (!sections.success) {
    throw new AppError('internal', `Template ${row.id} v${row.version} has malformed sections`, {
      cause: sections.error,
    });
  }
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    specialty: row.specialty,
    sections: sections.data,
  };
}

export interface TemplateStore {
  /** The newest active version of every template, by name. */
  list(): Promise<NoteTemplate[]>;
  /** The newest active version of one template; `not_found` when there is none. */
  latest(id: string): Promise<NoteTemplate>;
  /** One exact version, active or not (a draft may predate a newer version). */
  get(id: string, version: number): Promise<NoteTemplate>;
}

export function createTemplateStore(db: Queryable): TemplateStore {
  const notFound = () => new AppError('not_found', 'That note template does not exist.');
  return {
    async list() {
      const { rows } = await db.query<Row>(
        `select distinct on (id) id, version, name, specialty, sections
           from note_template where active order by id, version desc`,
      );
      return rows.map(toTemplate).sort((a, b) => a.name.localeCompare(b.name));
    },
    async latest(id) {
      const { rows } = await db.query<Row>(
        `select id, version, name, specialty, sections from note_template
          where id = $1 and active order by version desc limit 1`,
        [id],
      );
      if (!rows[0]) throw notFound();
      return toTemplate(rows[0]);
    },
    async get(id, version) {
      const { rows } = await db.query<Row>(
        'select id, version, name, specialty, sections from note_template where id = $1 and version = $2',
        [id, version],
      );
      if (!rows[0]) throw notFound();
      return toTemplate(rows[0]);
    },
  };
}
