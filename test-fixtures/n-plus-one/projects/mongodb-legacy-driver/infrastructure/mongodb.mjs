// valid
import mongodb from 'mongodb-legacy';

export const { ObjectId } = mongodb;

const client = new mongodb.MongoClient(process.env.MONGO_URL);
const database = client.db();

export const db = {
  boards: database.collection('boards'),
  cards: database.collection('cards'),
};
