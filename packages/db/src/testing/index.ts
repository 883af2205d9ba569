export { postgresBinDir, startPostgres, type PostgresServer } from './postgres-server.js'
