import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, startRoomServer, type RoomServer } from '../../../electron/main/room/room-server';
import { openRound, propose, publish, publishedView, rate, readInbox, readRatings, readPublished, readRound, removeParticipant, setParticipantName, setRoomState } from '../../../shared/room';
import { generateMap } from '../../fixtures/generate-map';
import { facilitatorClient, participantClient, synced, until, upgradeStatus, type RoomClient } from './room-clients';
import { asId } from '../../builders/ids';

const servers: RoomServer[] = [];
const clients: RoomClient[] = [];
const folders: string[] = [];

async function start(options: { dataDir?: string } = {}) {
  const server = await startRoomServer({ host: '127.0.0.1', port: 0, persistDelayMs: 20, ...options });
  servers.push(server);
  return server;
}
function track(client: RoomClient) {
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('room server: who gets in', () => {
  it('refuses a missing or wrong token with 401, lets the right one in', async () => {
    const server = await start();
    const base = server.socketUrl;
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${'0'.repeat(32)}&pk=${'1'.repeat(32)}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${server.token}`)).toBe(400); // no participant secret
    expect(await upgradeStatus(`${base}?token=${server.token}&pk=${'1'.repeat(32)}`)).toBe(101);
    expect(await upgradeStatus(`${base}?token=${server.ownerToken}`)).toBe(101);
  });

  it('a closed room refuses participants (410) and ends their connections; a removed participant gets 403', async () => {
    const server = await start();
    const ann = track(participantClient(server));
    await synced(ann);
    const ended = new Promise<number>((resolve) => ann.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    setRoomState(server.doc, 'closed');
    expect(await ended).toBe(CLOSE_CODES.closed);
    expect(await upgradeStatus(`${server.socketUrl}?token=${server.token}&pk=${'2'.repeat(32)}`)).toBe(410);
    setRoomState(server.doc, 'open');
    const bob = track(participantClient(server));
    await synced(bob);
    const { participantIdOf } = await import('../../../shared/room');
    const { createHash } = await import('node:crypto');
    const bobId = await participantIdOf(bob.secret!, (b) => new Uint8Array(createHash('sha256').update(b).digest()));
    removeParticipant(server.doc, bobId);
    expect(await upgradeStatus(`${server.socketUrl}?token=${server.token}&pk=${bob.secret}`)).toBe(403);
  });
});

describe('room server: syncing and the rules', () => {
  it("carries a participant's proposal and rating to the facilitator, and the published view to participants", async () => {
    const server = await start();
    const host = track(facilitatorClient(server));
    await synced(host);
    publish(host.doc, { title: 'Clinic', locale: 'en', stages: [{ id: asId.stage('s1'), name: 'Awareness' }], touchpoints: [{ id: asId.topic('t1'), label: 'Website', stageId: asId.stage('s1'), channel: 'online' }], chains: [] });
    openRound(host.doc, { id: 'r1', topicIds: [asId.topic('t1')] });
    const ann = track(participantClient(server));
    await synced(ann);
    await until(() => readPublished(ann.doc).title === 'Clinic', 'the published view');
    const annId = [...readRatings(ann.doc).keys()][0] ?? (await idOf(ann));
    propose(ann.doc, annId, 'x1', { label: 'Kiosk', channel: 'offline', createdAt: new Date().toISOString() });
    rate(ann.doc, annId, asId.topic('t1'), { score: 7 });
    await until(() => readInbox(host.doc).length === 1 && readRatings(host.doc).get(annId)?.get(asId.topic('t1'))?.score === 7, 'the proposal and rating');
    expect(ann.refusals).toEqual([]);
  });

  it("publishes a workshop map of 2,000 topics (a view over a phone's 64 KB limit) and the round opened after it", async () => {
    const server = await start();
    const host = track(facilitatorClient(server));
    await synced(host);
    const view = publishedView(generateMap({ seed: 2000, topics: 2000 }));
    publish(host.doc, view);
    const topicIds = view.touchpoints.slice(0, 50).map((tp) => tp.id);
    openRound(host.doc, { id: 'r1', topicIds });
    const ann = track(participantClient(server));
    await synced(ann);
    await until(() => readPublished(ann.doc).touchpoints.length === view.touchpoints.length && readRound(ann.doc)?.topicIds.length === 50, 'the whole map and the round on the phone');
    expect(host.refusals).toEqual([]);
    const annId = await idOf(ann);
    rate(ann.doc, annId, topicIds[0]!, { score: 9 });
    await until(() => readRatings(host.doc).get(annId)?.get(topicIds[0]!)?.score === 9, 'the rating');
  });

  it("drops a participant's write to another's ratings or to the published view, and says why", async () => {
    const server = await start();
    const host = track(facilitatorClient(server));
    await synced(host);
    publish(host.doc, { title: 'Clinic', locale: 'en', stages: [], touchpoints: [], chains: [] });
    openRound(host.doc, { id: 'r1', topicIds: [asId.topic('t1')] });
    const eve = track(participantClient(server));
    await synced(eve);
    await until(() => readPublished(eve.doc).title === 'Clinic', 'the published view');
    rate(eve.doc, 'psomeoneelse', asId.topic('t1'), { score: 0 });
    await until(() => eve.refusals.length === 1, 'the refusal');
    expect(eve.refusals[0]).toMatch(/^invalid .*own ratings/);
    eve.doc.getMap('published').set('title', 'Hacked');
    await until(() => eve.refusals.length === 2, 'the second refusal');
    expect(eve.refusals[1]).toMatch(/published/);
    await new Promise((r) => setTimeout(r, 100));
    expect(readPublished(server.doc).title).toBe('Clinic');
    expect(readPublished(host.doc).title).toBe('Clinic');
    expect(readRatings(host.doc).size).toBe(0);
    // The refused changes are put back on Eve's page too, and her allowed changes still arrive.
    await until(() => readPublished(eve.doc).title === 'Clinic', "the correction on Eve's page");
    const eveId = await idOf(eve);
    rate(eve.doc, eveId, asId.topic('t1'), { score: 4 });
    await until(() => readRatings(host.doc).get(eveId)?.get(asId.topic('t1'))?.score === 4, "Eve's own rating");
    expect(readRatings(host.doc).has('psomeoneelse')).toBe(false);
  });

  it('keeps a rating made offline and delivers it on reconnect', async () => {
    const server = await start();
    const host = track(facilitatorClient(server));
    await synced(host);
    openRound(host.doc, { id: 'r1', topicIds: [asId.topic('t1'), asId.topic('t2')] });
    const ann = track(participantClient(server));
    await synced(ann);
    await until(() => ann.doc.getMap('round').get('open') === true, 'the round');
    const annId = await idOf(ann);
    ann.provider.disconnect();
    rate(ann.doc, annId, asId.topic('t2'), { score: 9, importance: 8 });
    setParticipantName(ann.doc, annId, 'Ann');
    await new Promise((r) => setTimeout(r, 100));
    expect(readRatings(host.doc).size).toBe(0);
    ann.provider.connect();
    await until(() => readRatings(host.doc).get(annId)?.get(asId.topic('t2'))?.score === 9, 'the offline rating');
    expect(host.doc.getMap('participants').get(annId)).toEqual({ name: 'Ann' });
  });
});

describe('room server: persistence', () => {
  it('reopens the same room (tokens and state) from its data folder', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'room-'));
    folders.push(dataDir);
    const first = await start({ dataDir });
    publish(first.doc, { title: 'Kept', locale: 'en', stages: [], touchpoints: [], chains: [] });
    await first.flush();
    const { token, ownerToken } = first;
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    expect(JSON.parse(await readFile(path.join(dataDir, 'room.json'), 'utf8'))).toMatchObject({ version: 1, token });
    const second = await start({ dataDir });
    expect([second.token, second.ownerToken]).toEqual([token, ownerToken]);
    expect(readPublished(second.doc).title).toBe('Kept');
  });
});

/** The participant id the server derives from a client's secret. */
async function idOf(client: RoomClient): Promise<string> {
  const { participantIdOf } = await import('../../../shared/room');
  const { createHash } = await import('node:crypto');
  return participantIdOf(client.secret!, (b) => new Uint8Array(createHash('sha256').update(b).digest()));
}


describe('room server: the desktop app on the loopback', () => {
  it('also listens on 127.0.0.1 with the same port, and the owner address uses it', async () => {
    const { roomAddresses } = await import('../../../electron/main/room/room-addresses');
    const os = await import('node:os');
    const lan = roomAddresses(os.networkInterfaces()).find((choice) => !choice.internal);
    if (!lan) return; // a machine with the loopback only: nothing to add to the other tests
    const server = await startRoomServer({ host: lan.address, port: 0, alsoLoopback: true });
    servers.push(server);
    expect(server.ownerUrl).toBe(`ws://127.0.0.1:${server.port}/room?token=${server.ownerToken}`);
    expect(await upgradeStatus(server.ownerUrl)).toBe(101);
    expect(await upgradeStatus(`ws://${lan.address}:${server.port}/room?token=${server.token}&pk=${'3'.repeat(32)}`)).toBe(101);
  });
});

describe('room server: the phone page over HTTP', () => {
  it('serves only the participant page and its assets, with a strict CSP', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const staticDir = await mkdtemp(path.join(tmpdir(), 'room-static-'));
    folders.push(staticDir);
    await mkdir(path.join(staticDir, 'assets'));
    await writeFile(path.join(staticDir, 'participant.html'), '<!doctype html><title>p</title>');
    await writeFile(path.join(staticDir, 'index.html'), 'the app');
    await writeFile(path.join(staticDir, 'assets', 'p.js'), 'console.log(1)');
    const server = await startRoomServer({ host: '127.0.0.1', port: 0, staticDir });
    servers.push(server);
    const base = `http://127.0.0.1:${server.port}`;
    const page = await fetch(`${base}/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>p</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${server.port}`);
    expect((await fetch(`${base}/assets/p.js`)).headers.get('content-type')).toBe('text/javascript');
    for (const pathname of ['/index.html', '/assets/../index.html', '/assets/%2e%2e/index.html', '/room.json', '/assets/missing.js']) {
      expect((await fetch(`${base}${pathname}`)).status, pathname).toBe(404);
    }
  });
});
