import type { TagDefinition } from '@kehu/contracts';
import { api } from '../../../app/api-client';

export { tagDefinitionsQueryOptions, tagKeys } from '../../../components/tag-colors/tag-colors-query';

const tagPath = (name: string) => `/api/v1/tags/${encodeURIComponent(name)}`;

export interface TagInput {
  color: string;
  description?: string | null;
  /** Renames the tag on every customer that carries it. */
  renameTo?: string;
}

/** Defines (or recolours, or renames) a tag; answers the whole list. */
export const putTag = (name: string, body: TagInput) =>
  api.put<{ items: TagDefinition[] }>(tagPath(name), body);
/** Removes the tag from every customer. */
export const deleteTag = (name: string) => api.delete<{ ok: true }>(tagPath(name));

/** antd's preset colours, offered first; any #rrggbb works too. */
export const presetTagColors = [
  'magenta',
  'red',
  'volcano',
  'orange',
  'gold',
  'lime',
  'green',
  'cyan',
  'blue',
  'geekblue',
  'purple',
] as const;
