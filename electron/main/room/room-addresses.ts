/**
 * The addresses a room can listen on: the machine's IPv4 interfaces (a phone on the same Wi-Fi
 * reaches one of them) and the loopback for trying it alone. Takes os.networkInterfaces()'s
 * result so tests pass their own.
 */
import type { NetworkInterfaceInfo } from 'node:os';

export interface RoomAddressChoice {
  readonly address: string;
  readonly interface: string;
  readonly internal: boolean;
}

export function roomAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): RoomAddressChoice[] {
  const out: RoomAddressChoice[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4') continue;
      out.push({ address: info.address, interface: name, internal: info.internal });
    }
  }
  // The LAN first: that is the one participants need; the loopback last.
  return out.sort((a, b) => Number(a.internal) - Number(b.internal) || a.interface.localeCompare(b.interface));
}
