// Each entry awaits the iCalendar text of its booking, which a synchronous function of the project makes in memory: no wait,
// not reported. Awaiting what a synchronous function hands back from the bookings service is a request per booking: reported.
const express = require('express');
const ics = require('./ics-format');

const router = express.Router();

async function buildEntry(booking, user) {
  const body = await ics.bookingToIcs(booking, { timezone: user.timezone });
  return { href: `/calendars/${user.id}/${booking.uid}.ics`, body };
}

router.get('/calendars/:id/entries', async (req, res) => {
  const entries = [];
  for (const booking of req.body.bookings) {
    entries.push(await buildEntry(booking, req.user));
  }
  res.json(entries);
});

router.post('/calendars/:id/refresh', async (req, res) => {
  const bookings = [];
  for (const uid of req.body.uids) {
    bookings.push(await ics.loadBooking(uid));
//                ^^^^^ await-in-loop
  }
  res.json(bookings);
});

router.post('/calendars/:id/pending', async (req, res) => {
  const bookings = [];
  for (const uid of req.body.uids) {
    bookings.push(await ics.pendingBooking(uid));
//                ^^^^^ await-in-loop
  }
  res.json(bookings);
});

module.exports = router;
