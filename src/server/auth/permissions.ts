/**
 * Who may do what, per unit. Every route asks `can(principal, permission, unitId)` (through
 * the `authorize*` helpers in routes/guard.ts) before it reads or writes anything of a unit.
 * Roles are granted per unit; admin holds for every unit of its organisation.
 */
import type { Role, RoleGrant, UserRecord } from '../../db/userRepository.js';

export const PERMISSIONS = [
  'unit.view',
  'unit.edit',
  'units.manage',
  'plan.viewDraft',
  'plan.viewHearing',
  'plan.viewPublished',
  'plan.edit',
  'plan.generate',
  'plan.sendToHearing',
  'plan.approve',
  'plan.publish',
  'absence.viewKinds',
  'absence.history',
  'absence.manage',
  'absence.own',
  'absence.forecast',
  'employees.view',
  'employees.manage',
  'users.manage',
  'wishes.manage',
  'wishes.own',
  'hearing.comment',
  'hearing.approve',
  'audit.view',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MANAGE: Permission[] = [
  'unit.view',
  'plan.viewDraft',
  'plan.viewHearing',
  'plan.viewPublished',
  'plan.edit',
  'plan.generate',
  'plan.sendToHearing',
  'plan.publish',
  'absence.viewKinds',
  'absence.history',
  'absence.manage',
  'absence.forecast',
  'employees.view',
  'employees.manage',
  'wishes.manage',
  'hearing.comment',
  'audit.view',
];
/** Representatives see the absence history without kinds (absence.history, not absence.viewKinds). */
const REPRESENTATIVE: Permission[] = ['unit.view', 'plan.viewHearing', 'plan.viewPublished', 'absence.history', 'hearing.comment', 'hearing.approve', 'audit.view'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  /** units.manage: create units in the organisation (admins only); unit.edit: a unit's name, kind, service area and beds. */
  admin: new Set<Permission>([...MANAGE, 'plan.approve', 'users.manage', 'unit.edit', 'units.manage']),
  leader: new Set<Permission>([...MANAGE, 'plan.approve', 'users.manage', 'unit.edit']),
  planner: new Set<Permission>(MANAGE),
  employee: new Set<Permission>(['unit.view', 'plan.viewPublished', 'wishes.own', 'absence.own']),
  union_rep: new Set<Permission>(REPRESENTATIVE),
  safety_rep: new Set<Permission>(REPRESENTATIVE),
};

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  organisationId: string;
  employeeId: string | null;
  roles: RoleGrant[];
  /** Signed in with a one-time password (set by a leader or an admin). */
  passwordChangeRequired?: boolean;
}

export function principalOf(u: UserRecord): Principal {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    organisationId: u.organisationId,
    employeeId: u.employeeId,
    roles: u.roles,
    ...(u.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
  };
}

/** Roles the principal holds for a unit of its organisation (admin counts for every unit). */
export function rolesFor(p: Principal, unitId: string): Role[] {
  return p.roles.filter((g) => g.unitId === unitId || (g.role === 'admin' && g.unitId === null)).map((g) => g.role);
}

/** `unitOrg` is the unit's organisation: an admin's organisation-wide grant holds only there. */
export function can(p: Principal, permission: Permission, unitId: string, unitOrg: string): boolean {
  if (unitOrg !== p.organisationId) return false;
  return rolesFor(p, unitId).some((r) => ROLE_PERMISSIONS[r].has(permission));
}

export function permissionsFor(p: Principal, unitId: string, unitOrg: string): Permission[] {
  if (unitOrg !== p.organisationId) return [];
  const roles = rolesFor(p, unitId);
  return PERMISSIONS.filter((perm) => roles.some((r) => ROLE_PERMISSIONS[r].has(perm)));
}

export function isAdmin(p: Principal): boolean {
  return p.roles.some((g) => g.role === 'admin');
}

/** An organisation-wide permission (not tied to one unit, e.g. creating a unit): held through an organisation-wide grant (admin). */
export function canInOrganisation(p: Principal, permission: Permission): boolean {
  return p.roles.some((g) => g.unitId === null && ROLE_PERMISSIONS[g.role].has(permission));
}

/** How much of a plan the principal may see, given its status; null = nothing. */
export type PlanAccess = 'full' | 'hearing' | 'published';

export function planAccess(p: Principal, unitId: string, unitOrg: string, status: string): PlanAccess | null {
  if (can(p, 'plan.viewDraft', unitId, unitOrg)) return 'full';
  if (status !== 'draft' && can(p, 'plan.viewHearing', unitId, unitOrg)) return 'hearing';
  if (status === 'published' && can(p, 'plan.viewPublished', unitId, unitOrg)) return 'published';
  return null;
}
