// valid
// Turns bookings into iCalendar text in memory; the loader reads them from the bookings service.
const { DateTime } = require('luxon');
const bookingsApi = require('../bookings-api');

function formatStamp(date) {
  return DateTime.fromJSDate(date).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

function bookingToIcs(booking, options = {}) {
  const lines = ['BEGIN:VTODO', `UID:${booking.uid}`, `DTSTAMP:${formatStamp(booking.updatedAt)}`];
  if (booking.title) lines.push(`SUMMARY:${booking.title}`);
  if (options.timezone) lines.push(`X-WR-TIMEZONE:${options.timezone}`);
  lines.push('END:VTODO');
  return lines.join('\r\n');
}

function loadBooking(uid) {
  return bookingsApi.get(`/bookings/${encodeURIComponent(uid)}`);
}

function pendingBooking(uid) {
  const request = bookingsApi.get(`/bookings/${encodeURIComponent(uid)}?pending=1`);
  return request;
}

module.exports = { bookingToIcs, loadBooking, pendingBooking };
