import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import { createServices } from '../modules/services';
import type { Actor } from '../platform/permissions/actor';
import { generateCustomers } from './customer-generator';

export const DEMO_ADMIN_EMAIL = 'admin@demo.kehu.local';

interface DemoUser {
  key: string;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'rep' | 'service';
  department: 'root' | 'sales' | 'east' | 'south' | 'service';
  manager?: string;
}

const demoUsers: DemoUser[] = [
  {
    key: 'manager',
    name: '王建国',
    email: 'wang.jianguo@demo.kehu.local',
    role: 'manager',
    department: 'sales',
  },
  {
    key: 'east1',
    name: '李娜',
    email: 'li.na@demo.kehu.local',
    role: 'rep',
    department: 'east',
    manager: 'manager',
  },
  {
    key: 'east2',
    name: '张伟',
    email: 'zhang.wei@demo.kehu.local',
    role: 'rep',
    department: 'east',
    manager: 'manager',
  },
  {
    key: 'south1',
    name: 'Emily Chen',
    email: 'emily.chen@demo.kehu.local',
    role: 'rep',
    department: 'south',
    manager: 'manager',
  },
  {
    key: 'south2',
    name: 'Tom Smith',
    email: 'tom.smith@demo.kehu.local',
    role: 'rep',
    department: 'south',
    manager: 'manager',
  },
  { key: 'service', name: '刘芳', email: 'liu.fang@demo.kehu.local', role: 'service', department: 'service' },
];

/**
 * A living demo organisation: departments, users of each role and generated customers with
 * contacts, created through the services (so history, search and scopes are exactly as in use).
 */
export async function seedDemo(
  database: DatabaseHandle,
  now: () => Date,
  options: { customers: number; password: string; seed?: number },
): Promise<string> {
  // A movable clock: each customer is created "when" the generator says it was.
  let clock = now();
  const services = createServices(database, () => clock);
  const db: Kysely<Database> = database.db;

  if (!(await services.organization.existsIn(db))) {
    await db.transaction().execute((trx) =>
      services.setup.createOrganization(trx, {
        organizationName: '星云示范科技有限公司',
        adminName: '系统管理员',
        adminEmail: DEMO_ADMIN_EMAIL,
        adminPassword: options.password,
        locale: 'zh-CN',
      }),
    );
  }
  if ((await services.users.findCredentials(demoUsers[0]?.email ?? '')) !== undefined) {
    throw new Error('The demo data is already loaded in this database.');
  }

  const root = await services.departments.rootId(db);
  const adminRoleId = await services.roles.resolveByKeyOrName(db, 'admin');
  const admin = await services.users.findCredentials(DEMO_ADMIN_EMAIL);
  const adminActor = admin ? await services.sessions.actorForUser(db, admin.id) : undefined;
  const departments: Record<DemoUser['department'], string> = {
    root,
    sales: '',
    east: '',
    south: '',
    service: '',
  };
  departments.sales = await services.departments.createUnchecked(db, { name: '销售部', parentId: root });
  departments.east = await services.departments.createUnchecked(db, {
    name: '华东区',
    parentId: departments.sales,
  });
  departments.south = await services.departments.createUnchecked(db, {
    name: '华南区',
    parentId: departments.sales,
  });
  departments.service = await services.departments.createUnchecked(db, { name: '客服部', parentId: root });

  const roleIds: Record<DemoUser['role'], string> = {
    admin: adminRoleId,
    manager: await services.roles.resolveByKeyOrName(db, 'manager'),
    rep: await services.roles.resolveByKeyOrName(db, 'rep'),
    service: adminActor
      ? (
          await services.roles.create(adminActor, {
            name: '客服专员',
            description: '查看全部客户与联系人',
            dataScope: 'all',
            permissions: {
              customers: ['view'],
              contacts: ['view', 'edit'],
              users: ['view'],
              departments: ['view'],
            },
          })
        ).id
      : adminRoleId,
  };

  const userIds: Record<string, string> = {};
  for (const user of demoUsers) {
    userIds[user.key] = await services.users.createUnchecked(db, {
      email: user.email,
      name: user.name,
      password: options.password,
      roleId: roleIds[user.role],
      departmentId: departments[user.department],
      managerId: user.manager ? userIds[user.manager] : null,
    });
  }

  const owners = ['east1', 'east2', 'south1', 'south2', 'manager'];
  const actors: Actor[] = [];
  for (const key of owners) {
    const actor = await services.sessions.actorForUser(db, userIds[key] as string);
    if (actor) actors.push(actor);
  }

  let contacts = 0;
  let index = 0;
  const generated = [...generateCustomers({ seed: options.seed ?? 20261123, count: options.customers })];
  // Oldest first, so that "newest" in the app is also newest here.
  generated.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  for (const record of generated) {
    const actor = actors[index % actors.length] as Actor;
    index += 1;
    clock = new Date(record.createdAt);
    const customer = await services.customers.create(actor, {
      kind: record.kind,
      name: record.name,
      type: record.type,
      level: record.level,
      industry: record.industry,
      source: record.source,
      province: record.province,
      city: record.city,
      district: record.district,
      address: record.address,
      phones: record.phones,
      email: record.email,
      website: record.website,
      tags: record.tags,
      notes: record.notes,
      // The generated set holds look-alike names on purpose (the duplicate scan has work to show).
      acknowledgeDuplicates: true,
    });
    for (const contact of record.contacts) {
      await services.contacts.create(actor, { ...contact, customerId: customer.id });
      contacts += 1;
    }
  }
  clock = now();
  return [
    `Demo organisation ready: ${generated.length} customers, ${contacts} contacts, ${demoUsers.length + 1} users.`,
    `Sign in as ${DEMO_ADMIN_EMAIL} (administrator), ${demoUsers[0]?.email} (sales manager),`,
    `${demoUsers[1]?.email} (sales rep) or ${demoUsers[5]?.email} (customer service).`,
  ].join('\n');
}
