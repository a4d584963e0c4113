// The calls of @clerk/backend's Backend API client, in the order a team's
// test suite would make them: create, read, update, list, delete. Each
// step names the method it calls; the Go test checks that every method the
// package has is called at least once. Steps share state (s) so later calls
// use what earlier ones made; the emulator starts with its demo data (four
// users, an organization, billing plans and subscriptions).
import { createHmac, randomBytes } from 'node:crypto';
import { check } from './record.mjs';


// A 1x1 PNG, the smallest real image an upload can carry.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const image = () => new Blob([png], { type: 'image/png' });

const totpSecret = 'JBSWY3DPEHPK3PXP';

// totp computes the RFC 6238 code of a base32 secret for now.
function totp(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map(b => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const off = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(off) & 0x7fffffff) % 1000000).padStart(6, '0');
}

const step = (name, run, expect = 'ok', recover = undefined) => ({ name, run, expect, recover });
const future = days => new Date(Date.now() + days * 86400000);

export const steps = [
  // The instance.
  step('instance.get', async (s, { clerk }) => {
    s.instance = await clerk.instance.get();
  }),
  step('instance.update', async (s, { clerk }) => {
    await clerk.instance.update({ supportEmail: 'support@example.com', hibp: true });
  }),
  step('instance.updateRestrictions', async (s, { clerk }) => {
    await clerk.instance.updateRestrictions({ allowlist: false, blocklist: false, blockEmailSubaddresses: false });
  }),
  step('instance.getOrganizationSettings', async (s, { clerk }) => {
    await clerk.instance.getOrganizationSettings();
  }),
  step('instance.updateOrganizationSettings', async (s, { clerk }) => {
    await clerk.instance.updateOrganizationSettings({ enabled: true, maxAllowedMemberships: 25, adminDeleteEnabled: true });
  }),
  step('jwks.getJwks', async (s, { clerk }) => {
    const jwks = await clerk.jwks.getJwks();
    check(jwks.keys?.length > 0, 'at least one key');
  }),

  // Users.
  step('users.createUser', async (s, { clerk }) => {
    s.mia = await clerk.users.createUser({
      emailAddress: ['mia@conformance.example'], firstName: 'Mia', lastName: 'Wong',
      password: 'correct-horse-battery-staple', externalId: 'crm-1001',
      publicMetadata: { plan: 'pro' }, privateMetadata: { stripe: 'cus_1001' },
    });
    check(s.mia.id.startsWith('user_'), 'user id');
  }),
  step('users.createUser#phone-and-username', async (s, { clerk }) => {
    s.leo = await clerk.users.createUser({
      emailAddress: ['leo@conformance.example'], phoneNumber: ['+15555550101'], username: 'leo_k',
      skipPasswordRequirement: true, createdAt: new Date('2024-01-02T03:04:05Z'),
    });
    check(s.leo.createdAt === Date.parse('2024-01-02T03:04:05Z'), `created_at ${s.leo.createdAt}`);
  }, 'ok', async (s, { clerk }) => {
    s.leo = await clerk.users.createUser({
      emailAddress: ['leo@conformance.example'], phoneNumber: ['+15555550101'], username: 'leo_k', password: 'leo-long-passphrase',
    });
  }),
  step('users.createUser#totp', async (s, { clerk }) => {
    s.tess = await clerk.users.createUser({
      emailAddress: ['tess@conformance.example'], password: 'another-long-passphrase',
      totpSecret, backupCodes: ['1234abcd', '5678efgh'],
    });
  }, 'ok', async (s, { clerk }) => {
    s.tess = await clerk.users.createUser({ emailAddress: ['tess@conformance.example'], password: 'another-long-passphrase' });
  }),
  step('users.createUser#duplicate', async (s, { clerk }) => {
    try {
      await clerk.users.createUser({ emailAddress: ['mia@conformance.example'] });
    } catch (err) {
      const e = err.errors?.[0];
      check(e?.message === 'That email address is taken. Please try another.', `message ${e?.message}`);
      check(e?.meta?.paramName === 'email_address', `meta.paramName ${e?.meta?.paramName}`);
      throw err;
    }
  }, 'error:form_identifier_exists'),
  step('users.createUser#not-e164', async (s, { clerk }) => {
    await clerk.users.createUser({ emailAddress: ['uma@conformance.example'], phoneNumber: ['555-0104'], password: 'uma-long-passphrase' });
  }, 'error:form_param_format_invalid'),
  step('users.getUser', async (s, { clerk }) => {
    const u = await clerk.users.getUser(s.mia.id);
    check(u.primaryEmailAddress?.emailAddress === 'mia@conformance.example', 'primary email');
  }),
  step('users.getUserList', async (s, { clerk }) => {
    const demo = await clerk.users.getUserList({ emailAddress: ['ada@example.com', 'grace@example.com'], orderBy: 'created_at' });
    [s.ada, s.grace] = demo.data;
    check(demo.totalCount === 2 && s.grace?.primaryEmailAddress?.emailAddress === 'grace@example.com', 'the demo users, oldest first');
    const list = await clerk.users.getUserList({ limit: 1, offset: 0, orderBy: '-created_at', query: 'conformance.example' });
    check(list.data.length === 1 && list.totalCount >= 1, `a page of one of ${list.totalCount}`);
  }, 'ok', async (s, { bapi }) => {
    [s.ada, s.grace] = await bapi('GET', '/users?email_address=ada@example.com&email_address=grace@example.com&order_by=%2Bcreated_at');
  }),
  step('users.getCount', async (s, { clerk }) => {
    const n = await clerk.users.getCount({ emailAddress: ['ada@example.com', 'grace@example.com'] });
    check(n === 2, `count ${n}`);
  }),
  step('users.updateUser', async (s, { clerk }) => {
    const u = await clerk.users.updateUser(s.mia.id, { lastName: 'Wong-Li', locale: 'en-GB' });
    check(u.lastName === 'Wong-Li', 'last name');
  }),
  step('users.updateUserMetadata', async (s, { clerk }) => {
    const u = await clerk.users.updateUserMetadata(s.mia.id, { publicMetadata: { seats: 3 } });
    check(u.publicMetadata.plan === 'pro' && u.publicMetadata.seats === 3, 'merged');
  }),
  step('users.replaceUserMetadata', async (s, { clerk }) => {
    await clerk.users.replaceUserMetadata(s.leo.id, { publicMetadata: { tier: 'free' }, privateMetadata: {}, unsafeMetadata: {} });
  }),
  step('users.replaceUserEmailAddress', async (s, { clerk }) => {
    await clerk.users.replaceUserEmailAddress(s.leo.id, { emailAddress: 'leo.k@conformance.example' });
  }),
  step('users.replaceUserPhoneNumber', async (s, { clerk }) => {
    await clerk.users.replaceUserPhoneNumber(s.leo.id, { phoneNumber: '+15555550102' });
  }),
  step('users.updateUserProfileImage', async (s, { clerk }) => {
    await clerk.users.updateUserProfileImage(s.mia.id, { file: image() });
  }),
  step('users.deleteUserProfileImage', async (s, { clerk }) => {
    await clerk.users.deleteUserProfileImage(s.mia.id);
  }),
  step('users.verifyPassword', async (s, { clerk }) => {
    const r = await clerk.users.verifyPassword({ userId: s.mia.id, password: 'correct-horse-battery-staple' });
    check(r.verified === true, 'verified');
  }),
  step('users.verifyPassword#wrong', async (s, { clerk }) => {
    await clerk.users.verifyPassword({ userId: s.mia.id, password: 'not-the-password' });
  }, 'error:incorrect_password'),
  step('users.verifyTOTP', async (s, { clerk }) => {
    const r = await clerk.users.verifyTOTP({ userId: s.tess.id, code: totp(totpSecret) });
    check(r.verified === true, 'verified');
  }),
  step('users.deleteUserBackupCodes', async (s, { clerk }) => {
    await clerk.users.deleteUserBackupCodes(s.tess.id);
  }),
  step('users.deleteUserTOTP', async (s, { clerk }) => {
    await clerk.users.deleteUserTOTP(s.tess.id);
  }),
  step('users.disableUserMFA', async (s, { clerk }) => {
    await clerk.users.disableUserMFA(s.tess.id);
  }),
  step('users.setPasswordCompromised', async (s, { clerk }) => {
    await clerk.users.setPasswordCompromised(s.tess.id, { revokeAllSessions: false });
  }),
  step('users.unsetPasswordCompromised', async (s, { clerk }) => {
    await clerk.users.unsetPasswordCompromised(s.tess.id);
  }),
  step('users.removePassword', async (s, { clerk }) => {
    await clerk.users.removePassword(s.tess.id, { signOutOfOtherSessions: true });
  }),
  step('users.banUser', async (s, { clerk }) => {
    const u = await clerk.users.banUser(s.leo.id);
    check(u.banned === true, 'banned');
  }),
  step('users.unbanUser', async (s, { clerk }) => {
    await clerk.users.unbanUser(s.leo.id);
  }),
  step('users.lockUser', async (s, { clerk }) => {
    const u = await clerk.users.lockUser(s.leo.id);
    check(u.locked === true, 'locked');
  }),
  step('users.unlockUser', async (s, { clerk }) => {
    await clerk.users.unlockUser(s.leo.id);
  }),
  step('users.getUserOauthAccessToken', async (s, { clerk }) => {
    const r = await clerk.users.getUserOauthAccessToken(s.mia.id, 'google');
    check(Array.isArray(r.data), 'a page');
  }),
  step('users.deleteUserPasskey', async (s, { clerk }) => {
    await clerk.users.deleteUserPasskey({ userId: s.mia.id, passkeyIdentificationId: 'passkey_2x0000000000000000000000000' });
  }, 'error:resource_not_found'),
  step('users.deleteUserWeb3Wallet', async (s, { clerk }) => {
    await clerk.users.deleteUserWeb3Wallet({ userId: s.mia.id, web3WalletIdentificationId: 'idn_2x0000000000000000000000000' });
  }, 'error:resource_not_found'),
  step('users.deleteUserExternalAccount', async (s, { clerk }) => {
    await clerk.users.deleteUserExternalAccount({ userId: s.mia.id, externalAccountId: 'eac_2x0000000000000000000000000' });
  }, 'error:resource_not_found'),

  // Email addresses and phone numbers.
  step('emailAddresses.createEmailAddress', async (s, { clerk }) => {
    s.email = await clerk.emailAddresses.createEmailAddress({ userId: s.mia.id, emailAddress: 'mia.work@conformance.example', verified: true, primary: false });
  }),
  step('emailAddresses.getEmailAddress', async (s, { clerk }) => {
    await clerk.emailAddresses.getEmailAddress(s.email.id);
  }),
  step('emailAddresses.updateEmailAddress', async (s, { clerk }) => {
    await clerk.emailAddresses.updateEmailAddress(s.email.id, { primary: true });
  }),
  step('emailAddresses.deleteEmailAddress', async (s, { clerk }) => {
    await clerk.emailAddresses.updateEmailAddress(s.mia.primaryEmailAddressId, { primary: true });
    await clerk.emailAddresses.deleteEmailAddress(s.email.id);
  }),
  step('phoneNumbers.createPhoneNumber', async (s, { clerk }) => {
    s.phone = await clerk.phoneNumbers.createPhoneNumber({ userId: s.mia.id, phoneNumber: '+15555550103', verified: true });
  }),
  step('phoneNumbers.createPhoneNumber#not-e164', async (s, { clerk }) => {
    await clerk.phoneNumbers.createPhoneNumber({ userId: s.mia.id, phoneNumber: '555-0103' });
  }, 'error:form_param_format_invalid'),
  step('phoneNumbers.getPhoneNumber', async (s, { clerk }) => {
    await clerk.phoneNumbers.getPhoneNumber(s.phone.id);
  }),
  step('phoneNumbers.updatePhoneNumber', async (s, { clerk }) => {
    await clerk.phoneNumbers.updatePhoneNumber(s.phone.id, { primary: true, reservedForSecondFactor: false });
  }),
  step('phoneNumbers.deletePhoneNumber', async (s, { clerk }) => {
    await clerk.phoneNumbers.deletePhoneNumber(s.phone.id);
  }),

  // Organizations, their members, invitations and domains.
  step('organizations.createOrganization', async (s, { clerk }) => {
    s.org = await clerk.organizations.createOrganization({
      name: 'Northwind Traders', slug: 'northwind', createdBy: s.mia.id, maxAllowedMemberships: 20,
      publicMetadata: { region: 'eu' }, privateMetadata: { billing: 'invoice' },
    });
  }),
  step('organizations.createOrganization#derived-slug', async (s, { clerk }) => {
    s.engines = await clerk.organizations.createOrganization({ name: 'Analytical Engines', createdBy: s.mia.id });
    check(s.engines.slug === 'analytical-engines', `slug ${s.engines.slug}`);
    const m = await clerk.organizations.createOrganizationMembership({ organizationId: s.engines.id, userId: s.tess.id, role: 'org:member' });
    check(m.publicUserData?.userId === s.tess.id, 'public user data');
  }),
  step('organizations.createOrganization#bad-slug', async (s, { clerk }) => {
    await clerk.organizations.createOrganization({ name: 'Bad Slug', slug: 'Not A Slug!', createdBy: s.mia.id });
  }, 'error'),
  step('organizations.getOrganization', async (s, { clerk }) => {
    await clerk.organizations.getOrganization({ organizationId: s.org.id, includeMembersCount: true });
    await clerk.organizations.getOrganization({ slug: 'northwind' });
  }),
  step('organizations.getOrganizationList', async (s, { clerk }) => {
    const list = await clerk.organizations.getOrganizationList({ query: 'northwind', includeMembersCount: true, orderBy: '-created_at', limit: 5 });
    check(list.totalCount === 1 && list.data[0].id === s.org.id, `totalCount ${list.totalCount}`);
  }),
  step('organizations.updateOrganization', async (s, { clerk }) => {
    await clerk.organizations.updateOrganization(s.org.id, { name: 'Northwind Traders Ltd', adminDeleteEnabled: true });
  }),
  step('organizations.updateOrganizationMetadata', async (s, { clerk }) => {
    await clerk.organizations.updateOrganizationMetadata(s.org.id, { publicMetadata: { tier: 'gold' } });
  }),
  step('organizations.replaceOrganizationMetadata', async (s, { clerk }) => {
    await clerk.organizations.replaceOrganizationMetadata(s.org.id, { publicMetadata: { region: 'us' }, privateMetadata: {} });
  }),
  step('organizations.updateOrganizationLogo', async (s, { clerk }) => {
    await clerk.organizations.updateOrganizationLogo(s.org.id, { file: image(), uploaderUserId: s.mia.id });
  }),
  step('organizations.deleteOrganizationLogo', async (s, { clerk }) => {
    await clerk.organizations.deleteOrganizationLogo(s.org.id);
  }),
  step('organizations.createOrganizationMembership', async (s, { clerk }) => {
    await clerk.organizations.createOrganizationMembership({ organizationId: s.org.id, userId: s.leo.id, role: 'org:member' });
  }),
  step('organizations.updateOrganizationMembership', async (s, { clerk }) => {
    await clerk.organizations.updateOrganizationMembership({ organizationId: s.org.id, userId: s.leo.id, role: 'org:admin' });
  }),
  step('organizations.updateOrganizationMembershipMetadata', async (s, { clerk }) => {
    await clerk.organizations.updateOrganizationMembershipMetadata({ organizationId: s.org.id, userId: s.leo.id, publicMetadata: { team: 'ops' } });
  }),
  step('organizations.getOrganizationMembershipList', async (s, { clerk }) => {
    const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: s.org.id, orderBy: '-created_at', limit: 10 });
    check(list.totalCount === list.data.length && list.data.some(m => m.publicUserData?.userId === s.mia.id), `totalCount ${list.totalCount}`);
    await clerk.organizations.getOrganizationMembershipList({ organizationId: s.org.id, query: 'leo', emailAddress: ['leo.k@conformance.example'] });
  }),
  step('organizations.getInstanceOrganizationMembershipList', async (s, { clerk }) => {
    await clerk.organizations.getInstanceOrganizationMembershipList({ orderBy: '-created_at', limit: 10 });
  }),
  step('users.getOrganizationMembershipList', async (s, { clerk }) => {
    const list = await clerk.users.getOrganizationMembershipList({ userId: s.mia.id, limit: 10 });
    check(list.data.some(m => m.organization.id === s.org.id), 'the membership');
  }),
  step('organizations.createOrganizationInvitation', async (s, { clerk }) => {
    s.orgInv = await clerk.organizations.createOrganizationInvitation({
      organizationId: s.org.id, emailAddress: 'ines@conformance.example', role: 'org:member', inviterUserId: s.mia.id,
      expiresInDays: 7, publicMetadata: { source: 'conformance' }, redirectUrl: 'https://app.example.com/accept',
    });
  }, 'ok', async (s, { clerk }) => {
    s.orgInv = await clerk.organizations.createOrganizationInvitation({
      organizationId: s.org.id, emailAddress: 'ines@conformance.example', role: 'org:member', inviterUserId: s.mia.id,
    });
  }),
  step('organizations.createOrganizationInvitationBulk', async (s, { clerk }) => {
    const list = await clerk.organizations.createOrganizationInvitationBulk(s.org.id, [
      { emailAddress: 'jon@conformance.example', role: 'org:member', inviterUserId: s.mia.id },
      { emailAddress: 'kim@conformance.example', role: 'org:admin', inviterUserId: s.mia.id },
    ]);
    s.orgInvBulk = list.data ?? list;
  }),
  step('organizations.getOrganizationInvitation', async (s, { clerk }) => {
    await clerk.organizations.getOrganizationInvitation({ organizationId: s.org.id, invitationId: s.orgInv.id });
  }),
  step('organizations.getOrganizationInvitationList', async (s, { clerk }) => {
    const list = await clerk.organizations.getOrganizationInvitationList({ organizationId: s.org.id, status: ['pending'], limit: 10 });
    check(list.totalCount === list.data.length && list.data.some(i => i.id === s.orgInv.id), `totalCount ${list.totalCount}`);
  }),
  step('users.getOrganizationInvitationList', async (s, { clerk }) => {
    await clerk.users.getOrganizationInvitationList({ userId: s.mia.id, status: 'pending' });
  }),
  step('organizations.revokeOrganizationInvitation', async (s, { clerk }) => {
    const inv = await clerk.organizations.revokeOrganizationInvitation({ organizationId: s.org.id, invitationId: s.orgInv.id, requestingUserId: s.mia.id });
    check(inv.status === 'revoked', 'revoked');
  }),
  step('organizations.createOrganizationDomain', async (s, { clerk }) => {
    s.orgDomain = await clerk.organizations.createOrganizationDomain({ organizationId: s.org.id, name: 'northwind.example', enrollmentMode: 'automatic_invitation' });
  }),
  step('organizations.getOrganizationDomainList', async (s, { clerk }) => {
    await clerk.organizations.getOrganizationDomainList({ organizationId: s.org.id, limit: 10 });
  }),
  step('organizations.updateOrganizationDomain', async (s, { clerk }) => {
    await clerk.organizations.updateOrganizationDomain({ organizationId: s.org.id, domainId: s.orgDomain.id, enrollmentMode: 'manual_invitation' });
  }),
  step('organizations.deleteOrganizationDomain', async (s, { clerk }) => {
    await clerk.organizations.deleteOrganizationDomain({ organizationId: s.org.id, domainId: s.orgDomain.id });
  }),

  // Permissions, roles and role sets.
  step('organizationPermissions.createOrganizationPermission', async (s, { clerk }) => {
    s.perm = await clerk.organizationPermissions.createOrganizationPermission({ name: 'Read reports', key: 'org:reports:read', description: 'See the reports' });
  }),
  step('organizationPermissions.getOrganizationPermission', async (s, { clerk }) => {
    await clerk.organizationPermissions.getOrganizationPermission(s.perm.id);
  }),
  step('organizationPermissions.getOrganizationPermissionList', async (s, { clerk }) => {
    await clerk.organizationPermissions.getOrganizationPermissionList({ query: 'reports', orderBy: 'key' });
  }),
  step('organizationPermissions.updateOrganizationPermission', async (s, { clerk }) => {
    await clerk.organizationPermissions.updateOrganizationPermission({ permissionId: s.perm.id, description: 'See every report' });
  }),
  step('organizationRoles.createOrganizationRole', async (s, { clerk }) => {
    s.role = await clerk.organizationRoles.createOrganizationRole({ name: 'Analyst', key: 'org:analyst', description: 'Reads reports', permissions: [] });
  }),
  step('organizationRoles.getOrganizationRole', async (s, { clerk }) => {
    await clerk.organizationRoles.getOrganizationRole(s.role.id);
  }),
  step('organizationRoles.getOrganizationRoleList', async (s, { clerk }) => {
    const list = await clerk.organizationRoles.getOrganizationRoleList({ orderBy: 'key', limit: 20 });
    s.roles = list.data;
  }),
  step('organizationRoles.updateOrganizationRole', async (s, { clerk }) => {
    await clerk.organizationRoles.updateOrganizationRole({ organizationRoleId: s.role.id, description: 'Reads every report' });
  }),
  step('organizationRoles.assignPermissionToOrganizationRole', async (s, { clerk }) => {
    await clerk.organizationRoles.assignPermissionToOrganizationRole({ organizationRoleId: s.role.id, permissionId: s.perm.id });
  }),
  step('organizationRoles.removePermissionFromOrganizationRole', async (s, { clerk }) => {
    await clerk.organizationRoles.removePermissionFromOrganizationRole({ organizationRoleId: s.role.id, permissionId: s.perm.id });
  }),
  step('roleSets.getRoleSetList', async (s, { clerk }) => {
    const list = await clerk.roleSets.getRoleSetList({ orderBy: 'created_at' });
    check(list.totalCount === list.data.length, `totalCount ${list.totalCount}`);
  }),
  step('roleSets.createRoleSet', async (s, { clerk }) => {
    s.roleSet = await clerk.roleSets.createRoleSet({
      name: 'Reporting', key: 'reporting', description: 'Admins and members', defaultRoleKey: 'org:member',
      creatorRoleKey: 'org:admin', roles: ['org:admin', 'org:member'],
    });
    s.roleSet2 = await clerk.roleSets.createRoleSet({
      name: 'Reporting v2', key: 'reporting_v2', defaultRoleKey: 'org:member', creatorRoleKey: 'org:admin',
      roles: ['org:admin', 'org:member'],
    });
  }),
  step('roleSets.getRoleSet', async (s, { clerk }) => {
    await clerk.roleSets.getRoleSet(s.roleSet.id);
    await clerk.roleSets.getRoleSet('reporting');
  }),
  step('roleSets.updateRoleSet', async (s, { clerk }) => {
    await clerk.roleSets.updateRoleSet({ roleSetKeyOrId: s.roleSet.id, description: 'Admins, members and analysts' });
  }),
  step('roleSets.addRolesToRoleSet', async (s, { clerk }) => {
    await clerk.roleSets.addRolesToRoleSet({ roleSetKeyOrId: s.roleSet.id, roleKeys: ['org:analyst'] });
  }),
  step('roleSets.replaceRoleInRoleSet', async (s, { clerk }) => {
    await clerk.roleSets.replaceRoleInRoleSet({ roleSetKeyOrId: s.roleSet.id, roleKey: 'org:analyst', toRoleKey: 'org:member' });
  }),
  step('roleSets.replaceRoleSet', async (s, { clerk }) => {
    await clerk.roleSets.replaceRoleSet({ roleSetKeyOrId: s.roleSet.id, destRoleSetKey: s.roleSet2.key });
  }),
  step('organizationRoles.deleteOrganizationRole', async (s, { clerk }) => {
    await clerk.organizationRoles.deleteOrganizationRole(s.role.id);
  }),
  step('organizationPermissions.deleteOrganizationPermission', async (s, { clerk }) => {
    await clerk.organizationPermissions.deleteOrganizationPermission(s.perm.id);
  }),

  // Invitations, allowlist, blocklist, waitlist.
  step('invitations.createInvitation', async (s, { clerk }) => {
    s.inv = await clerk.invitations.createInvitation({
      emailAddress: 'nora@conformance.example', redirectUrl: 'https://app.example.com/welcome', notify: false,
      publicMetadata: { referrer: 'mia' }, expiresInDays: 14,
    });
  }, 'ok', async (s, { clerk }) => {
    s.inv = await clerk.invitations.createInvitation({ emailAddress: 'nora@conformance.example' });
  }),
  step('invitations.createInvitationBulk', async (s, { clerk }) => {
    s.invBulk = await clerk.invitations.createInvitationBulk([
      { emailAddress: 'omar@conformance.example', notify: false },
      { emailAddress: 'pia@conformance.example', redirectUrl: 'https://app.example.com/welcome', notify: true },
    ]);
  }, 'ok', async (s, { clerk }) => {
    s.invBulk = await clerk.invitations.createInvitationBulk([
      { emailAddress: 'omar@conformance.example' }, { emailAddress: 'pia@conformance.example' },
    ]);
  }),
  step('invitations.getInvitationList', async (s, { clerk }) => {
    const list = await clerk.invitations.getInvitationList({ status: 'pending', query: 'conformance', orderBy: '-created_at', limit: 10 });
    check(list.totalCount === 3 && list.data.length === 3, `totalCount ${list.totalCount}`);
  }),
  step('invitations.revokeInvitation', async (s, { clerk }) => {
    const inv = await clerk.invitations.revokeInvitation(s.inv.id);
    check(inv.status === 'revoked', 'revoked');
  }),
  step('invitations.deleteInvitation', async (s, { clerk }) => {
    const list = s.invBulk.data ?? s.invBulk;
    await clerk.invitations.deleteInvitation(list[0].id);
  }),
  step('allowlistIdentifiers.createAllowlistIdentifier', async (s, { clerk }) => {
    s.allow = await clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: 'quinn@conformance.example', notify: false });
  }),
  step('allowlistIdentifiers.getAllowlistIdentifierList', async (s, { clerk }) => {
    await clerk.allowlistIdentifiers.getAllowlistIdentifierList({ limit: 10 });
  }),
  step('allowlistIdentifiers.deleteAllowlistIdentifier', async (s, { clerk }) => {
    await clerk.allowlistIdentifiers.deleteAllowlistIdentifier(s.allow.id);
  }),
  step('blocklistIdentifiers.createBlocklistIdentifier', async (s, { clerk }) => {
    s.block = await clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: 'spam@conformance.example' });
  }),
  step('blocklistIdentifiers.getBlocklistIdentifierList', async (s, { clerk }) => {
    await clerk.blocklistIdentifiers.getBlocklistIdentifierList();
  }),
  step('blocklistIdentifiers.deleteBlocklistIdentifier', async (s, { clerk }) => {
    await clerk.blocklistIdentifiers.deleteBlocklistIdentifier(s.block.id);
  }),
  step('waitlistEntries.create', async (s, { clerk }) => {
    s.wait = await clerk.waitlistEntries.create({ emailAddress: 'rosa@conformance.example', notify: false });
  }),
  step('waitlistEntries.createBulk', async (s, { clerk }) => {
    s.waitBulk = await clerk.waitlistEntries.createBulk([
      { emailAddress: 'sam@conformance.example', notify: false },
      { emailAddress: 'tom@conformance.example' },
    ]);
  }),
  step('waitlistEntries.list', async (s, { clerk }) => {
    const list = await clerk.waitlistEntries.list({ status: 'pending', orderBy: '-created_at', limit: 10 });
    check(list.totalCount === 3 && list.data.length === 3, `totalCount ${list.totalCount}`);
  }),
  step('waitlistEntries.invite', async (s, { clerk }) => {
    await clerk.waitlistEntries.invite(s.wait.id, { ignoreExisting: true });
  }),
  step('waitlistEntries.reject', async (s, { clerk }) => {
    const list = s.waitBulk.data ?? s.waitBulk;
    await clerk.waitlistEntries.reject(list[0].id);
  }),
  step('waitlistEntries.delete', async (s, { clerk }) => {
    const list = s.waitBulk.data ?? s.waitBulk;
    await clerk.waitlistEntries.delete(list[1].id);
  }),

  // Sessions, clients, tokens.
  step('sessions.createSession', async (s, { clerk }) => {
    s.session = await clerk.sessions.createSession({ userId: s.mia.id });
  }),
  step('sessions.getSession', async (s, { clerk }) => {
    const sess = await clerk.sessions.getSession(s.session.id);
    check(sess.userId === s.mia.id, 'user');
  }),
  step('sessions.getSessionList', async (s, { clerk }) => {
    const list = await clerk.sessions.getSessionList({ userId: s.mia.id, status: 'active', limit: 10 });
    check(list.totalCount >= 1, `totalCount ${list.totalCount}`);
  }),
  step('jwtTemplates.create', async (s, { clerk }) => {
    s.tpl = await clerk.jwtTemplates.create({ name: 'hasura', claims: { 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': '{{user.id}}' } }, lifetime: 300, allowedClockSkew: 5 });
  }),
  step('jwtTemplates.get', async (s, { clerk }) => {
    await clerk.jwtTemplates.get(s.tpl.id);
  }),
  step('jwtTemplates.list', async (s, { clerk }) => {
    await clerk.jwtTemplates.list({ limit: 10 });
  }),
  step('jwtTemplates.update', async (s, { clerk }) => {
    await clerk.jwtTemplates.update({ templateId: s.tpl.id, name: 'hasura', claims: { role: 'user' }, lifetime: 600 });
  }),
  step('sessions.getToken', async (s, { clerk }) => {
    const t = await clerk.sessions.getToken(s.session.id);
    check(typeof t.jwt === 'string', 'jwt');
    await clerk.sessions.getToken(s.session.id, 'hasura');
    await clerk.sessions.getToken(s.session.id, undefined, 120);
  }),
  step('sessions.refreshSession', async (s, { clerk }) => {
    const t = await clerk.sessions.getToken(s.session.id);
    await clerk.sessions.refreshSession(s.session.id, {
      expired_token: t.jwt, refresh_token: 'not-a-refresh-token', request_origin: 'https://app.example.com', format: 'token',
    });
  }, 'error'),
  step('sessions.verifySession', async (s, { clerk }) => {
    const t = await clerk.sessions.getToken(s.session.id);
    await clerk.sessions.verifySession(s.session.id, t.jwt);
  }, 'error'),
  step('clients.getClientList', async (s, { clerk }) => {
    const list = await clerk.clients.getClientList({ limit: 10 });
    check(list.totalCount >= 1, `totalCount ${list.totalCount}`);
  }),
  step('clients.getClient', async (s, { clerk }) => {
    await clerk.clients.getClient(s.session.clientId);
  }),
  step('clients.verifyClient', async (s, { clerk }) => {
    await clerk.clients.verifyClient('not-a-client-token');
  }, 'error'),
  step('clients.getHandshakePayload', async (s, { clerk }) => {
    await clerk.clients.getHandshakePayload({ nonce: randomBytes(16).toString('hex') });
  }, 'error'),
  step('sessions.revokeSession', async (s, { clerk }) => {
    const sess = await clerk.sessions.revokeSession(s.session.id);
    check(sess.status === 'revoked', 'revoked');
  }),
  step('jwtTemplates.delete', async (s, { clerk }) => {
    await clerk.jwtTemplates.delete(s.tpl.id);
  }),
  step('signInTokens.createSignInToken', async (s, { clerk }) => {
    s.signIn = await clerk.signInTokens.createSignInToken({ userId: s.mia.id, expiresInSeconds: 600 });
    check(typeof s.signIn.token === 'string' && s.signIn.url, 'token and url');
  }),
  step('signInTokens.revokeSignInToken', async (s, { clerk }) => {
    const t = await clerk.signInTokens.revokeSignInToken(s.signIn.id);
    check(t.status === 'revoked', 'revoked');
  }),
  step('actorTokens.create', async (s, { clerk }) => {
    s.actor = await clerk.actorTokens.create({ userId: s.leo.id, actor: { sub: s.mia.id }, expiresInSeconds: 600, sessionMaxDurationInSeconds: 1800 });
    check(typeof s.actor.token === 'string' && s.actor.url, 'token and url');
  }),
  step('actorTokens.revoke', async (s, { clerk }) => {
    const t = await clerk.actorTokens.revoke(s.actor.id);
    check(t.status === 'revoked', 'revoked');
  }),
  step('agentTasks.create', async (s, { clerk }) => {
    s.task = await clerk.agentTasks.create({
      onBehalfOf: { userId: s.mia.id }, permissions: '*', agentName: 'Report bot',
      taskDescription: 'Download the monthly report', redirectUrl: 'https://app.example.com/agent',
    });
  }),
  step('agentTasks.revoke', async (s, { clerk }) => {
    await clerk.agentTasks.revoke(s.task.agentTaskId ?? s.task.id);
  }),
  step('testingTokens.createTestingToken', async (s, { clerk }) => {
    const t = await clerk.testingTokens.createTestingToken();
    check(typeof t.token === 'string', 'token');
  }),
  // A sign-up is started through the Frontend API; the control API stands in.
  step('signUps.get', async (s, { clerk, control }) => {
    s.signUp = (await control('POST', '/sign_ups', { email_address: 'newcomer@example.com' })).id;
    const su = await clerk.signUps.get(s.signUp);
    check(su.id === s.signUp && su.emailAddress === 'newcomer@example.com', 'sign-up');
  }),
  step('signUps.update', async (s, { clerk }) => {
    const su = await clerk.signUps.update({ signUpAttemptId: s.signUp, externalId: 'crm-2002' });
    check(su.externalId === 'crm-2002', 'externalId');
  }),

  // Instance configuration: redirect URLs, domains, proxy checks.
  step('redirectUrls.createRedirectUrl', async (s, { clerk }) => {
    s.redirect = await clerk.redirectUrls.createRedirectUrl({ url: 'https://app.example.com/sso-callback' });
  }),
  step('redirectUrls.getRedirectUrl', async (s, { clerk }) => {
    await clerk.redirectUrls.getRedirectUrl(s.redirect.id);
  }),
  step('redirectUrls.getRedirectUrlList', async (s, { clerk }) => {
    await clerk.redirectUrls.getRedirectUrlList();
  }),
  step('redirectUrls.deleteRedirectUrl', async (s, { clerk }) => {
    await clerk.redirectUrls.deleteRedirectUrl(s.redirect.id);
  }),
  step('domains.list', async (s, { clerk }) => {
    const list = await clerk.domains.list();
    check(list.totalCount >= 1, `totalCount ${list.totalCount}`);
  }),
  step('domains.add', async (s, { clerk }) => {
    s.domain = await clerk.domains.add({ name: 'eu.northwind.example', is_satellite: true });
    s.domain2 = await clerk.domains.add({ name: 'us.northwind.example', is_satellite: true });
  }),
  step('domains.update', async (s, { clerk }) => {
    await clerk.domains.update({ domainId: s.domain.id, proxy_url: 'https://eu.northwind.example/__clerk' });
  }),
  step('proxyChecks.verify', async (s, { clerk }) => {
    // A Frontend API proxy on loopback in front of the emulator (CLERK_PROXY_URL).
    const pc = await clerk.proxyChecks.verify({ domainId: s.domain.id, proxyUrl: process.env.CLERK_PROXY_URL });
    check(pc.successful === true, 'successful');
  }),
  step('domains.delete', async (s, { clerk }) => {
    await clerk.domains.delete(s.domain.id);
  }),
  step('domains.deleteDomain', async (s, { clerk }) => {
    await clerk.domains.deleteDomain(s.domain2.id);
  }),

  // OAuth applications, API keys, machines and M2M tokens.
  step('oauthApplications.create', async (s, { clerk }) => {
    s.oauth = await clerk.oauthApplications.create({ name: 'Reporting CLI', redirectUris: ['https://cli.example.com/callback'], scopes: 'profile email', public: true });
  }),
  step('oauthApplications.get', async (s, { clerk }) => {
    await clerk.oauthApplications.get(s.oauth.id);
  }),
  step('oauthApplications.list', async (s, { clerk }) => {
    await clerk.oauthApplications.list({ nameQuery: 'Reporting', orderBy: '-created_at' });
  }),
  step('oauthApplications.update', async (s, { clerk }) => {
    await clerk.oauthApplications.update({ oauthApplicationId: s.oauth.id, name: 'Reporting CLI v2', scopes: 'profile email openid' });
  }),
  step('oauthApplications.rotateSecret', async (s, { clerk }) => {
    await clerk.oauthApplications.rotateSecret(s.oauth.id);
  }),
  step('oauthApplications.revokeToken', async (s, { clerk }) => {
    await clerk.oauthApplications.revokeToken({ oauthApplicationId: s.oauth.id, token: 'oat_not_a_token' });
  }, 'error'),
  step('idPOAuthAccessToken.verify', async (s, { clerk }) => {
    await clerk.idPOAuthAccessToken.verify('oat_not_a_token');
  }, 'error'),
  step('oauthApplications.delete', async (s, { clerk }) => {
    await clerk.oauthApplications.delete(s.oauth.id);
  }),
  step('apiKeys.create', async (s, { clerk }) => {
    s.apiKey = await clerk.apiKeys.create({ name: 'CI uploader', subject: s.mia.id, description: 'Uploads builds', scopes: ['builds:write'], claims: { team: 'ci' }, secondsUntilExpiration: 86400 });
  }, 'ok', async (s, { bapi }) => {
    s.apiKey = await bapi('POST', '/api_keys', { name: 'CI uploader', subject: s.mia.id });
  }),
  step('apiKeys.get', async (s, { clerk }) => {
    await clerk.apiKeys.get(s.apiKey.id);
  }),
  step('apiKeys.list', async (s, { clerk }) => {
    const list = await clerk.apiKeys.list({ subject: s.mia.id, includeInvalid: false });
    check(list.totalCount === 1, `totalCount ${list.totalCount}`);
  }),
  step('apiKeys.update', async (s, { clerk }) => {
    await clerk.apiKeys.update({ apiKeyId: s.apiKey.id, subject: s.mia.id, description: 'Uploads nightly builds' });
  }),
  step('apiKeys.getSecret', async (s, { clerk }) => {
    const r = await clerk.apiKeys.getSecret(s.apiKey.id);
    s.apiKeySecret = r.secret;
  }),
  step('apiKeys.verify', async (s, { clerk }) => {
    const k = await clerk.apiKeys.verify(s.apiKeySecret ?? s.apiKey.secret);
    check(k.id === s.apiKey.id, 'the same key');
  }),
  step('apiKeys.revoke', async (s, { clerk }) => {
    await clerk.apiKeys.revoke({ apiKeyId: s.apiKey.id, revocationReason: 'rotated' });
  }),
  step('apiKeys.delete', async (s, { clerk }) => {
    await clerk.apiKeys.delete(s.apiKey.id);
  }),
  step('machines.create', async (s, { clerk }) => {
    s.machine = await clerk.machines.create({ name: 'report-worker', defaultTokenTtl: 3600 });
    s.machine2 = await clerk.machines.create({ name: 'report-store', scopedMachines: [] });
  }),
  step('machines.get', async (s, { clerk }) => {
    await clerk.machines.get(s.machine.id);
  }),
  step('machines.list', async (s, { clerk }) => {
    await clerk.machines.list({ query: 'report', orderBy: 'name' });
  }),
  step('machines.update', async (s, { clerk }) => {
    await clerk.machines.update({ machineId: s.machine.id, name: 'report-worker-1', defaultTokenTtl: 1800 });
  }),
  step('machines.createScope', async (s, { clerk }) => {
    await clerk.machines.createScope(s.machine.id, s.machine2.id);
  }),
  step('machines.getSecretKey', async (s, { clerk }) => {
    const r = await clerk.machines.getSecretKey(s.machine.id);
    s.machineSecret = r.secret;
  }),
  step('m2m.createToken', async (s, { clerk }) => {
    s.m2m = await clerk.m2m.createToken({ machineSecretKey: s.machineSecret, secondsUntilExpiration: 600, claims: { job: 'nightly' } });
  }, 'ok', async (s, { bapi }) => {
    s.m2m = await bapi('POST', '/m2m_tokens', { seconds_until_expiration: 600 }, s.machineSecret);
  }),
  step('m2m.createToken#instance-key', async (s, { clerk }) => {
    await clerk.m2m.createToken({ secondsUntilExpiration: 600 });
  }, 'error'),
  step('m2m.list', async (s, { clerk }) => {
    await clerk.m2m.list({ subject: s.machine.id, machineSecretKey: s.machineSecret });
  }),
  step('m2m.verify', async (s, { clerk }) => {
    const t = await clerk.m2m.verify({ token: s.m2m.token, machineSecretKey: s.machineSecret });
    check(t.subject === s.machine.id, 'subject');
  }),
  step('m2m.revokeToken', async (s, { clerk }) => {
    await clerk.m2m.revokeToken({ m2mTokenId: s.m2m.id, machineSecretKey: s.machineSecret, revocationReason: 'job done' });
  }),
  step('machines.rotateSecretKey', async (s, { clerk }) => {
    await clerk.machines.rotateSecretKey({ machineId: s.machine.id, previousTokenTtl: 60 });
  }),
  step('machines.deleteScope', async (s, { clerk }) => {
    await clerk.machines.deleteScope(s.machine.id, s.machine2.id);
  }),
  step('machines.delete', async (s, { clerk }) => {
    await clerk.machines.delete(s.machine2.id);
  }),

  // Enterprise SSO.
  step('samlConnections.createSamlConnection', async (s, { clerk }) => {
    s.saml = await clerk.samlConnections.createSamlConnection({
      name: 'Northwind Okta', provider: 'saml_okta', domain: 'northwind.example', organizationId: s.org.id,
      idpEntityId: 'http://www.okta.com/exk1', idpSsoUrl: 'https://northwind.okta.example/app/sso/saml',
      attributeMapping: { emailAddress: 'mail', firstName: 'givenName', lastName: 'sn', userId: 'uid' },
    });
  }, 'ok', async (s, { clerk }) => {
    s.saml = await clerk.samlConnections.createSamlConnection({
      name: 'Northwind Okta', provider: 'saml_okta', domain: 'northwind.example', organizationId: s.org.id,
      idpEntityId: 'http://www.okta.com/exk1', idpSsoUrl: 'https://northwind.okta.example/app/sso/saml',
    });
  }),
  step('samlConnections.getSamlConnection', async (s, { clerk }) => {
    await clerk.samlConnections.getSamlConnection(s.saml.id);
  }),
  step('samlConnections.getSamlConnectionList', async (s, { clerk }) => {
    await clerk.samlConnections.getSamlConnectionList({ limit: 10 });
  }),
  step('samlConnections.updateSamlConnection', async (s, { clerk }) => {
    await clerk.samlConnections.updateSamlConnection(s.saml.id, { active: true, syncUserAttributes: true, allowIdpInitiated: false });
  }),
  step('samlConnections.deleteSamlConnection', async (s, { clerk }) => {
    await clerk.samlConnections.deleteSamlConnection(s.saml.id);
  }),
  step('enterpriseConnections.createEnterpriseConnection', async (s, { clerk }) => {
    s.ent = await clerk.enterpriseConnections.createEnterpriseConnection({
      name: 'Northwind Entra', domains: ['northwind.example'], provider: 'saml_microsoft', organizationId: s.org.id,
      active: true, syncUserAttributes: true,
      saml: {
        idpEntityId: 'https://sts.windows.example/tenant/', idpSsoUrl: 'https://login.microsoftonline.example/tenant/saml2',
        attributeMapping: { emailAddress: 'mail', firstName: 'givenname' }, allowIdpInitiated: false,
      },
    });
  }, 'ok', async (s, { clerk }) => {
    s.ent = await clerk.enterpriseConnections.createEnterpriseConnection({
      name: 'Northwind Entra', domains: ['northwind.example'], provider: 'saml_microsoft', organizationId: s.org.id,
    });
  }),
  step('enterpriseConnections.getEnterpriseConnection', async (s, { clerk }) => {
    await clerk.enterpriseConnections.getEnterpriseConnection(s.ent.id);
  }),
  step('enterpriseConnections.getEnterpriseConnectionList', async (s, { clerk }) => {
    await clerk.enterpriseConnections.getEnterpriseConnectionList({ organizationId: s.org.id, active: true });
  }),
  step('enterpriseConnections.updateEnterpriseConnection', async (s, { clerk }) => {
    await clerk.enterpriseConnections.updateEnterpriseConnection(s.ent.id, { name: 'Northwind Entra ID', active: false });
  }),
  step('enterpriseConnections.deleteEnterpriseConnection', async (s, { clerk }) => {
    await clerk.enterpriseConnections.deleteEnterpriseConnection(s.ent.id);
  }),

  // Billing, on the demo data's plans and subscriptions.
  step('billing.getPlanList', async (s, { clerk }) => {
    await clerk.billing.getPlanList({ payerType: 'user' });
  }),
  step('billing.getUserBillingSubscription', async (s, { clerk }) => {
    s.adaSub = await clerk.billing.getUserBillingSubscription(s.ada.id);
    s.graceSub = await clerk.billing.getUserBillingSubscription(s.grace.id);
  }),
  step('billing.getOrganizationBillingSubscription', async (s, { clerk }) => {
    await clerk.billing.getOrganizationBillingSubscription(s.org.id);
  }),
  step('billing.extendSubscriptionItemFreeTrial', async (s, { clerk }) => {
    const item = s.graceSub.subscriptionItems.find(i => i.isFreeTrial);
    check(item, 'the demo data puts Grace on a free trial');
    await clerk.billing.extendSubscriptionItemFreeTrial(item.id, { extendTo: future(30) });
  }),
  step('billing.cancelSubscriptionItem', async (s, { clerk }) => {
    const item = s.adaSub.subscriptionItems.find(i => i.plan?.slug === 'pro');
    check(item, 'the demo data puts Ada on the Pro plan');
    await clerk.billing.cancelSubscriptionItem(item.id, { endNow: false });
  }),

  // Webhooks (Svix), emails, beta features, accountless applications.
  step('webhooks.createSvixApp', async (s, { clerk }) => {
    await clerk.webhooks.createSvixApp();
  }),
  step('webhooks.generateSvixAuthURL', async (s, { clerk }) => {
    await clerk.webhooks.generateSvixAuthURL();
  }),
  step('webhooks.deleteSvixApp', async (s, { clerk }) => {
    await clerk.webhooks.deleteSvixApp();
  }),
  step('emails.create', async (s, { clerk }) => {
    s.emailSent = await clerk.emails.create({
      to: { userId: s.mia.id }, from: { address: 'reports@example.com', name: 'Reports' },
      subject: 'Your monthly report', text: 'It is ready.',
    }, { idempotencyKey: 'report-2024-01' });
  }, 'error'),
  step('emails.createBatch', async (s, { clerk }) => {
    await clerk.emails.createBatch([
      { to: { address: 'leo.k@conformance.example' }, from: { address: 'reports@example.com' }, subject: 'Report', html: '<p>Ready</p>' },
    ]);
  }, 'error'),
  step('emails.get', async (s, { clerk }) => {
    await clerk.emails.get('email_2x0000000000000000000000000');
  }, 'error'),
  step('betaFeatures.changeDomain', async (s, { clerk }) => {
    await clerk.betaFeatures.changeDomain({ homeUrl: 'https://northwind.example' });
  }, 'error'),
  step('__experimental_accountlessApplications.createAccountlessApplication', async (s, { clerk }) => {
    const app = await clerk.__experimental_accountlessApplications.createAccountlessApplication({ source: 'conformance' });
    check(app.publishableKey.startsWith('pk_test_') && app.secretKey.startsWith('sk_test_') && app.claimUrl, 'keys');
  }),
  step('__experimental_accountlessApplications.completeAccountlessApplicationOnboarding', async (s, { clerk }) => {
    const app = await clerk.__experimental_accountlessApplications.completeAccountlessApplicationOnboarding({ source: 'conformance' });
    check(app.publishableKey.startsWith('pk_test_') && app.secretKey.startsWith('sk_test_') && app.claimUrl, 'keys');
  }),

  // Deletes, last.
  step('organizations.deleteOrganizationMembership', async (s, { clerk }) => {
    await clerk.organizations.deleteOrganizationMembership({ organizationId: s.org.id, userId: s.leo.id });
  }),
  step('organizations.deleteOrganization', async (s, { clerk }) => {
    await clerk.organizations.deleteOrganization(s.org.id);
  }),
  step('users.deleteUser', async (s, { clerk }) => {
    const d = await clerk.users.deleteUser(s.tess.id);
    check(d.id === s.tess.id, 'deleted');
    const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: s.engines.id });
    check(!list.data.some(m => m.publicUserData?.userId === s.tess.id), 'the membership goes with the user');
  }),
  step('users.getUser#deleted', async (s, { clerk }) => {
    try {
      await clerk.users.getUser(s.tess.id);
    } catch (err) {
      check(typeof err.clerkTraceId === 'string' && err.clerkTraceId.length > 0, 'a trace ID');
      throw err;
    }
  }, 'error:resource_not_found'),
];
