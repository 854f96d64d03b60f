import {
  Braces,
  Calendar,
  CalendarClock,
  CircleDot,
  DollarSign,
  FileText,
  Hash,
  Link,
  Link2,
  List,
  ListChecks,
  Mail,
  MapPin,
  Paperclip,
  Phone,
  Star,
  ToggleLeft,
  Type,
  User,
  type LucideIcon,
} from 'lucide-react';

const ICONS: Record<string, LucideIcon> = {
  TEXT: Type,
  NUMBER: Hash,
  NUMERIC: Hash,
  BOOLEAN: ToggleLeft,
  DATE: Calendar,
  DATE_TIME: CalendarClock,
  CURRENCY: DollarSign,
  EMAILS: Mail,
  PHONES: Phone,
  LINKS: Link,
  ADDRESS: MapPin,
  FULL_NAME: User,
  ACTOR: User,
  SELECT: CircleDot,
  MULTI_SELECT: ListChecks,
  RATING: Star,
  RAW_JSON: Braces,
  ARRAY: List,
  RICH_TEXT: FileText,
  RICH_TEXT_V2: FileText,
  FILES: Paperclip,
  RELATION: Link2,
  MORPH_RELATION: Link2,
};

export const FieldTypeIcon = ({ type }: { type: string }) => {
  const Icon = ICONS[type] ?? Type;
  return <Icon size={13} aria-label={type} />;
};
