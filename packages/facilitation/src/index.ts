export { can, isRole, roles, visibleLinkRoles, type Permission, type Role } from './roles.js'
