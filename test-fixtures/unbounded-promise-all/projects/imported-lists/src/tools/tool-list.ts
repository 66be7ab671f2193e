// valid
import { CalendarTool, SearchTool, WeatherTool } from './tools';

/** The tools the agent offers, written out: as many as this list names. */
export const toolList = [SearchTool, WeatherTool, CalendarTool];

/** Loaded at start from the registry: as many as it returns. */
export const registeredTools = await fetch('https://registry.example.com/tools').then((response) => response.json() as Promise<string[]>);
