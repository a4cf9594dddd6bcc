import { ClientMessages } from "@/components/intl/client-messages";

/** The reading room's question forms need their messages on the client. */
export default function ReadingRoomLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["readingRoom"]}>{children}</ClientMessages>;
}
