// valid
export class SearchTool {
  async describe(): Promise<string> {
    return 'search';
  }
}
export class WeatherTool {
  async describe(): Promise<string> {
    return 'weather';
  }
}
export class CalendarTool {
  async describe(): Promise<string> {
    return 'calendar';
  }
}
