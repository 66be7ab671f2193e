// valid
import Joi from 'joi';
import { z } from 'zod';

export const labelSchema = Joi.object({ name: Joi.string().max(40).required(), color: Joi.string() });

export const renameSchema = z.object({ name: z.string().min(1).max(40) });
