// valid
// An SWR hook runs in a page: one request per chart series the user put on the dashboard.
import useSWR from 'swr';

interface Series {
  metric: string;
  points: number[];
}

export function useSeries(metrics: string[]): Series[] | undefined {
  const { data } = useSWR(metrics.length > 0 ? ['series', ...metrics] : null, async () =>
    Promise.all(
      metrics.map(async (metric) => {
        const response = await fetch(`/api/series?metric=${encodeURIComponent(metric)}`);
        return (await response.json()) as Series;
      }),
    ),
  );
  return data;
}
