// valid
import mongoose from 'mongoose';

mongoose.set('strictQuery', false);
await mongoose.connect(process.env.MONGO_URL);

export default mongoose;
