// valid
export type WidgetKind = 'clock' | 'weather' | 'bookmarks' | 'calendar';
