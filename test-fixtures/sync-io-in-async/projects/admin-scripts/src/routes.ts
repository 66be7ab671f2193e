import express from 'express';
import { exportRows } from './export-rows';

export const router = express.Router();
router.post('/export', async (req, res) => res.json(await exportRows('exports', req.body)));
