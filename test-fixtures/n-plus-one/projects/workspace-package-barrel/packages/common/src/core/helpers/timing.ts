// valid
export const MS = { second: 1000, minute: 60_000 }

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
