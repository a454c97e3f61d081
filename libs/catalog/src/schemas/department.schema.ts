import { z } from 'zod';
import { bilingual, slugCode } from './common.schema';

/** `departments.yaml`: the departments brand projects and sources refer to by code. */
export const departmentFileSchema = z.strictObject({
  departments: z.array(z.strictObject({ code: slugCode, name: bilingual })),
});

export type DepartmentFile = z.infer<typeof departmentFileSchema>;
