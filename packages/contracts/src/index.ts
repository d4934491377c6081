export * from './auth.schemas';
export * from './common.schemas';
export * from './contacts.schemas';
export * from './customers.schemas';
export * from './errors';
export * from './organization.schemas';
export * from './permissions';
export * from './permissions.schemas';
