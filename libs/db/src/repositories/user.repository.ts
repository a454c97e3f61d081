import type { DataSource } from 'typeorm';
import type { UserRole } from '../entities/app-user.entity';

/** A user as the API sees it: no password hash, department as its code. */
export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  departmentCode: string | null;
  active: boolean;
  createdAt: Date;
}

/** What login needs: the record plus the hash to compare against. */
export interface UserCredentials extends UserRecord {
  passwordHash: string;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  displayName: string;
  role: UserRole;
  departmentCode: string | null;
}

export interface UserChanges {
  role?: UserRole;
  displayName?: string;
  active?: boolean;
  passwordHash?: string;
  /** `null` clears the department scope; undefined leaves it. */
  departmentCode?: string | null;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: UserRole;
  department_code: string | null;
  active: boolean;
  created_at: Date;
  password_hash: string;
}

const SELECT_USER = `SELECT u.id, u.username, u.display_name, u.role, d.code AS department_code, u.active,
  u.created_at, u.password_hash
  FROM app_user u LEFT JOIN department d ON d.id = u.department_id`;

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    departmentCode: row.department_code,
    active: row.active,
    createdAt: row.created_at,
  };
}

/** Reads and writes app_user for sign-in and user administration. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Username match is case-insensitive so `Admin` and `admin` cannot both exist in practice. */
  async findCredentials(username: string): Promise<UserCredentials | null> {
    const rows: UserRow[] = await this.dataSource.query(
      `${SELECT_USER} WHERE lower(u.username) = lower($1)`,
      [username],
    );
    const row = rows[0];
    return row ? { ...toRecord(row), passwordHash: row.password_hash } : null;
  }

  async findById(id: number): Promise<UserRecord | null> {
    const rows: UserRow[] = await this.dataSource.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(): Promise<UserRecord[]> {
    const rows: UserRow[] = await this.dataSource.query(`${SELECT_USER} ORDER BY u.id`);
    return rows.map(toRecord);
  }

  async countActiveAdmins(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND active`,
    );
    return rows[0]?.n ?? 0;
  }

  /** True when a department with this code exists (user scopes must point at a real one). */
  async departmentExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM department WHERE code = $1', [code]);
    return rows.length > 0;
  }

  /**
   * Inserts a user; returns null when the username is taken (two replicas creating the first
   * admin at once, or a duplicate in the admin UI) instead of throwing a driver error.
   */
  async create(user: NewUser): Promise<UserRecord | null> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `INSERT INTO app_user (username, password_hash, display_name, role, department_id, active)
       SELECT $1::varchar, $2::varchar, $3::text, $4::varchar, (SELECT id FROM department WHERE code = $5::varchar), true
       WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE lower(username) = lower($1::varchar))
       ON CONFLICT (username) DO NOTHING
       RETURNING id`,
      [user.username, user.passwordHash, user.displayName, user.role, user.departmentCode],
    );
    const id = rows[0]?.id;
    return id === undefined ? null : this.findById(id);
  }

  /** Applies the given changes; returns the updated record or null when the user does not exist. */
  async update(id: number, changes: UserChanges): Promise<UserRecord | null> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown, expression = (p: string) => p): void => {
      params.push(value);
      sets.push(`${column} = ${expression(`$${params.length}`)}`);
    };
    if (changes.role !== undefined) set('role', changes.role);
    if (changes.displayName !== undefined) set('display_name', changes.displayName);
    if (changes.active !== undefined) set('active', changes.active);
    if (changes.passwordHash !== undefined) set('password_hash', changes.passwordHash);
    if (changes.departmentCode !== undefined) {
      set('department_id', changes.departmentCode, (p) => `(SELECT id FROM department WHERE code = ${p})`);
    }
    if (sets.length > 0) {
      await this.dataSource.query(`UPDATE app_user SET ${sets.join(', ')} WHERE id = $1`, params);
    }
    return this.findById(id);
  }
}
