// valid
import { Schema, model } from 'mongoose';

const MemberSchema = new Schema({ teamId: String, userId: String, role: String });

export const MemberModel = model('Member', MemberSchema);
