// valid
export const logger = {
  async flush() {
    await fetch('https://logs.example.com/flush', { method: 'POST' });
  },
};
