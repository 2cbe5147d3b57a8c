import { PrimaryGeneratedColumn } from 'typeorm';

/**
 * UUID primary key filled by PostgreSQL's built-in gen_random_uuid() (the
 * data source says `uuidExtension: 'pgcrypto'`, and installs no extension).
 */
export const UuidPrimaryColumn = () => PrimaryGeneratedColumn('uuid');
