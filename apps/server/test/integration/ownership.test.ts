import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createDepartment, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

type Client = Awaited<ReturnType<typeof createUser>>['client'];
const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);

describe('customer ownership: handover, team members, lifecycle', () => {
  let t: TestApp;
  let org: Org;
  let east: string;
  let manager: { id: string; client: Client };
  let repA: { id: string; client: Client };
  let repB: { id: string; client: Client };
  let viewerRoleId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
    east = await createDepartment(org, 'East');
    manager = await createUser(t.app, org, {
      roleId: org.roles.manager,
      departmentId: east,
      name: 'Manager East',
    });
    repA = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: east, name: 'Rep A' });
    repB = await createUser(t.app, org, { roleId: org.roles.rep, name: 'Rep B' });
    const role = await org.admin.post('/api/v1/roles', {
      name: 'No customers',
      dataScope: 'own',
      permissions: { users: ['view'] },
    });
    expect(role.status).toBe(201);
    viewerRoleId = role.body.id;
  });
  afterAll(() => t.close());

  it('hands a large selection over at once: each customer moves once, and an edit of what was read before is refused', async () => {
    const customers = [];
    for (let index = 0; index < 60; index++) {
      customers.push(await createCustomer(org.admin, { name: `批量移交${index}号`, ownerId: repA.id }));
    }
    const selection = customers.map((customer) => customer.id);
    const response = await org.admin.post('/api/v1/customers/transfer', {
      // The same customer twice (a double click in a list) moves it once.
      customerIds: [...selection, selection[0]],
      toUserId: repB.id,
      reason: 'Region merged',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ transferred: 60 });
    const page = await repB.client.get('/api/v1/customers', { q: '批量移交', limit: 100 });
    expect(page.body.items).toHaveLength(60);
    const last = customers[59] as { id: string; version: number };
    const moved = await repB.client.get(`/api/v1/customers/${last.id}`);
    expect(moved.body).toMatchObject({ ownerId: repB.id, version: last.version + 1 });
    const lifecycle = await repB.client.get(`/api/v1/customers/${last.id}/lifecycle`);
    expect(
      lifecycle.body.ownerChanges.filter((change: { action: string }) => change.action === 'transfer'),
    ).toHaveLength(1);
    const stale = await org.admin.patch(`/api/v1/customers/${last.id}`, {
      version: last.version,
      notes: 'old',
    });
    expect(stale.status).toBe(409);
  });

  it('a batch move changes only the customers still at the version it read (so a changed one refuses the batch)', async () => {
    const kept = await createCustomer(org.admin, { name: '版本检查的客户' });
    const edited = await createCustomer(org.admin, { name: '并发修改过的另一家' });
    // Someone edits the second one after the batch read both.
    expect(
      (await org.admin.patch(`/api/v1/customers/${edited.id}`, { version: edited.version, notes: 'x' }))
        .status,
    ).toBe(200);
    const repository = t.services.customers.repository;
    const changed = await repository.updateMany(
      t.database.db,
      [
        { id: kept.id, version: kept.version },
        { id: edited.id, version: edited.version },
      ],
      { locked: 1 },
    );
    // Only the unchanged one matches: callers see 1 of 2 and refuse the batch (409, rolled back).
    expect(changed).toBe(1);
    expect((await org.admin.get(`/api/v1/customers/${edited.id}`)).body.locked).toBe(false);
  });

  it('hands several customers over with a reason, logging each owner change and the history', async () => {
    const first = await createCustomer(repA.client, { name: '移交一号' });
    const second = await createCustomer(repA.client, { name: '移交二号' });
    const contact = await repA.client.post('/api/v1/contacts', { customerId: first.id, name: '随客户' });
    expect(contact.status).toBe(201);

    const response = await manager.client.post('/api/v1/customers/transfer', {
      customerIds: [first.id, second.id],
      toUserId: repB.id,
      reason: 'Rep A moved to another region',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ transferred: 2 });

    const moved = await repB.client.get(`/api/v1/customers/${first.id}`);
    expect(moved.body).toMatchObject({
      ownerId: repB.id,
      ownerName: 'Rep B',
      departmentId: org.rootDepartmentId,
    });
    expect((await repA.client.get(`/api/v1/customers/${first.id}`)).status).toBe(404);
    // Contacts go with their customer.
    expect(ids((await repB.client.get('/api/v1/contacts', { customerId: first.id })).body)).toEqual([
      contact.body.id,
    ]);

    const lifecycle = await repB.client.get(`/api/v1/customers/${first.id}/lifecycle`);
    expect(lifecycle.body.ownerChanges).toEqual([
      expect.objectContaining({
        action: 'transfer',
        fromOwnerId: repA.id,
        fromOwnerName: 'Rep A',
        toOwnerId: repB.id,
        toOwnerName: 'Rep B',
        reason: 'Rep A moved to another region',
        actorName: 'Manager East',
      }),
    ]);
    const history = await repB.client.get(`/api/v1/customers/${first.id}/history`);
    expect(history.body.items[0].changes).toContainEqual(
      expect.objectContaining({
        field: 'ownerId',
        old: repA.id,
        new: repB.id,
        oldLabel: 'Rep A',
        newLabel: 'Rep B',
      }),
    );
  });

  it('refuses a handover without the permission, to a user who may not see customers, or of a customer out of scope — all or nothing', async () => {
    const mine = await createCustomer(repA.client, { name: '不可移交' });
    const forbidden = await repA.client.post('/api/v1/customers/transfer', {
      customerIds: [mine.id],
      toUserId: repB.id,
      reason: 'x',
    });
    expect(forbidden.status).toBe(403);

    const viewer = await createUser(t.app, org, { roleId: viewerRoleId, name: 'No Customers' });
    const cannotView = await org.admin.post('/api/v1/customers/transfer', {
      customerIds: [mine.id],
      toUserId: viewer.id,
      reason: 'x',
    });
    expect(cannotView.status).toBe(400);
    expect(cannotView.body.error.fields.toUserId).toBeTruthy();

    const noReason = await org.admin.post('/api/v1/customers/transfer', {
      customerIds: [mine.id],
      toUserId: repB.id,
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeTruthy();

    const outside = await createCustomer(org.admin, { name: '总部客户' });
    const partly = await manager.client.post('/api/v1/customers/transfer', {
      customerIds: [mine.id, outside.id],
      toUserId: repB.id,
      reason: 'x',
    });
    expect(partly.status).toBe(400);
    expect(partly.body.error.fields['customerIds.1']).toBeTruthy();
    expect((await repA.client.get(`/api/v1/customers/${mine.id}`)).body.ownerId).toBe(repA.id);
  });

  it('changes the owner in an edit only with the handover permission, to active users who see customers, logged', async () => {
    const customer = await createCustomer(repA.client, { name: '编辑换负责人' });
    const byRep = await repA.client.patch(`/api/v1/customers/${customer.id}`, {
      version: customer.version,
      ownerId: repB.id,
    });
    expect([byRep.status, Object.keys(byRep.body.error.fields)]).toEqual([400, ['ownerId']]);

    const leaver = await createUser(t.app, org, { roleId: org.roles.rep, name: 'Leaver' });
    expect((await org.admin.patch(`/api/v1/users/${leaver.id}`, { status: 'disabled' })).status).toBe(200);
    const viewer = await createUser(t.app, org, { roleId: viewerRoleId, name: 'Sees No Customers' });
    for (const [ownerId, message] of [
      [leaver.id, 'No such user.'],
      [viewer.id, 'This user may not see customers.'],
    ]) {
      const edit = await org.admin.patch(`/api/v1/customers/${customer.id}`, {
        version: customer.version,
        ownerId,
      });
      expect([edit.status, edit.body.error.fields]).toEqual([400, { ownerId: message }]);
      const create = await org.admin.post('/api/v1/customers', { name: '给停用用户', ownerId });
      expect([create.status, create.body.error.fields]).toEqual([400, { ownerId: message }]);
    }

    const moved = await org.admin.patch(`/api/v1/customers/${customer.id}`, {
      version: customer.version,
      ownerId: repB.id,
    });
    expect(moved.status).toBe(200);
    const lifecycle = await org.admin.get(`/api/v1/customers/${customer.id}/lifecycle`);
    expect(lifecycle.body.ownerChanges).toEqual([
      expect.objectContaining({ action: 'transfer', fromOwnerId: repA.id, toOwnerId: repB.id, reason: null }),
    ]);
  });

  it('lets team members see a customer, edit it only with write access, and not after expiry', async () => {
    const customer = await createCustomer(repA.client, { name: '协作客户' });
    expect((await repB.client.get(`/api/v1/customers/${customer.id}`)).status).toBe(404);

    const outsider = await repB.client.put(`/api/v1/customers/${customer.id}/members/${repB.id}`, {
      access: 'write',
    });
    expect(outsider.status).toBe(404);

    const added = await repA.client.put(`/api/v1/customers/${customer.id}/members/${repB.id}`, {
      access: 'read',
    });
    expect(added.status).toBe(200);
    expect(added.body.items).toEqual([
      expect.objectContaining({
        userId: repB.id,
        userName: 'Rep B',
        access: 'read',
        expiresAt: null,
        addedByName: 'Rep A',
      }),
    ]);
    const seen = await repB.client.get(`/api/v1/customers/${customer.id}`);
    expect(seen.status).toBe(200);
    expect(ids((await repB.client.get('/api/v1/customers', { q: '协作客户' })).body)).toEqual([customer.id]);
    expect(ids((await repB.client.get('/api/v1/customers', { limit: 200 })).body)).toContain(customer.id);
    const readOnly = await repB.client.patch(`/api/v1/customers/${customer.id}`, {
      version: seen.body.version,
      notes: 'x',
    });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.code).toBe('CUSTOMER_READ_ONLY');
    expect((await repB.client.post('/api/v1/contacts', { customerId: customer.id, name: 'No' })).status).toBe(
      403,
    );

    const expiresAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    await repA.client.put(`/api/v1/customers/${customer.id}/members/${repB.id}`, {
      access: 'write',
      expiresAt,
    });
    const edited = await repB.client.patch(`/api/v1/customers/${customer.id}`, {
      version: seen.body.version,
      notes: 'by member',
    });
    expect(edited.status).toBe(200);
    expect(
      (await repB.client.post('/api/v1/contacts', { customerId: customer.id, name: '协作联系人' })).status,
    ).toBe(201);
    // Write access is not ownership: a team member cannot make the customer theirs.
    const takeover = await repB.client.patch(`/api/v1/customers/${customer.id}`, {
      version: edited.body.version,
      ownerId: repB.id,
    });
    expect([takeover.status, Object.keys(takeover.body.error.fields)]).toEqual([400, ['ownerId']]);
    expect((await repA.client.get(`/api/v1/customers/${customer.id}`)).body.ownerId).toBe(repA.id);

    t.clock.advance(2 * 86_400_000);
    expect((await repB.client.get(`/api/v1/customers/${customer.id}`)).status).toBe(404);
    const list = await repA.client.get(`/api/v1/customers/${customer.id}/members`);
    expect(list.body.items[0]).toMatchObject({ userId: repB.id, expired: true });

    const past = await repA.client.put(`/api/v1/customers/${customer.id}/members/${repB.id}`, {
      access: 'read',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.expiresAt).toBeTruthy();
    const dayOnly = await repA.client
      .inLocale('en')
      .put(`/api/v1/customers/${customer.id}/members/${repB.id}`, {
        access: 'read',
        expiresAt: '2027-01-01',
      });
    expect(dayOnly.body.error.fields).toEqual({
      expiresAt: 'Enter a date and time, e.g. 2027-01-01T09:00:00Z.',
    });
    const owner = await repA.client.put(`/api/v1/customers/${customer.id}/members/${repA.id}`, {
      access: 'read',
    });
    expect(owner.status).toBe(400);

    expect((await repA.client.delete(`/api/v1/customers/${customer.id}/members/${repB.id}`)).status).toBe(
      200,
    );
    expect((await repA.client.delete(`/api/v1/customers/${customer.id}/members/${repB.id}`)).status).toBe(
      404,
    );
    const history = await repA.client.get(`/api/v1/customers/${customer.id}/history`);
    const memberChanges = history.body.items.filter(
      (entry: { changes: Array<{ field: string }> }) => entry.changes[0]?.field === 'member',
    );
    expect(memberChanges).toHaveLength(3);
    // The member is named in the history, not only by id.
    expect(memberChanges.at(-1).changes[0].new).toMatchObject({
      userId: repB.id,
      userName: 'Rep B',
      access: 'read',
    });
  });

  it('records every lifecycle type change and counts customers per type under the filters', async () => {
    const customer = await createCustomer(repA.client, { name: '生命周期客户', type: 'intent' });
    const potential = await repA.client.patch(`/api/v1/customers/${customer.id}`, {
      version: customer.version,
      type: 'potential',
    });
    expect(potential.status).toBe(200);
    expect(potential.body.typeChangedAt).toBe(t.clock.now().toISOString());
    const lifecycle = await repA.client.get(`/api/v1/customers/${customer.id}/lifecycle`);
    expect(
      lifecycle.body.typeChanges.map(
        (change: { fromType: string | null; toType: string; reason: string }) => [
          change.fromType,
          change.toType,
          change.reason,
        ],
      ),
    ).toEqual([
      ['intent', 'potential', 'manual'],
      [null, 'intent', 'create'],
    ]);

    const rep = await createUser(t.app, org, { roleId: org.roles.rep, name: 'Counter' });
    await createCustomer(rep.client, { name: '计数一', type: 'deal' });
    await createCustomer(rep.client, { name: '计数二', type: 'deal', level: 'A' });
    await createCustomer(rep.client, { name: '计数三', type: 'inactive' });
    const counts = await rep.client.get('/api/v1/customers/type-counts');
    expect(counts.body).toEqual({ counts: { intent: 0, potential: 0, deal: 2, inactive: 1 }, cap: 10_000 });
    const filtered = await rep.client.get('/api/v1/customers/type-counts', { level: 'A' });
    expect(filtered.body.counts).toEqual({ intent: 0, potential: 0, deal: 1, inactive: 0 });
    // The counts follow the search box too (short CJK grams, longer text, nothing at all).
    const searched = await rep.client.get('/api/v1/customers/type-counts', { q: '计数二' });
    expect(searched.body.counts).toEqual({ intent: 0, potential: 0, deal: 1, inactive: 0 });
    const gram = await rep.client.get('/api/v1/customers/type-counts', { q: '计数' });
    expect(gram.body.counts).toEqual({ intent: 0, potential: 0, deal: 2, inactive: 1 });
    const none = await rep.client.get('/api/v1/customers/type-counts', { q: 'zzzz' });
    expect(none.body.counts).toEqual({ intent: 0, potential: 0, deal: 0, inactive: 0 });
  });

  it('turns a customer into a deal when its opportunity is won (the sales hook)', async () => {
    const customer = await createCustomer(repA.client, { name: '赢单客户', type: 'potential' });
    const won = await t.database.db
      .transaction()
      .execute((trx) => t.services.customerLifecycle.markWon(trx, customer.id, repA.id));
    expect(won).toBe(true);
    const read = await repA.client.get(`/api/v1/customers/${customer.id}`);
    expect(read.body).toMatchObject({ type: 'deal', version: customer.version + 1 });
    const lifecycle = await repA.client.get(`/api/v1/customers/${customer.id}/lifecycle`);
    expect(lifecycle.body.typeChanges[0]).toMatchObject({
      fromType: 'potential',
      toType: 'deal',
      reason: 'opportunity_won',
    });
    // Idempotent: a second win changes nothing.
    expect(await t.services.customerLifecycle.markWon(t.database.db, customer.id, repA.id)).toBe(false);
  });
});
