import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../errors/app-errors';
import { mapError } from './error-body';
import { flattenValidationErrors, validationExceptionFactory } from './validation-errors';

describe('mapError', () => {
  it.each([
    [new NotFoundError('Brand project', 'x'), 404, 'not_found'],
    [ValidationError.field('period', 'must be like 2025-Q3'), 400, 'validation_failed'],
    [new ConflictError('dup'), 409, 'conflict'],
    [new UnauthorizedError(), 401, 'unauthorized'],
    [new ForbiddenError(), 403, 'forbidden'],
  ])('maps %s', (error, status, code) => {
    const mapped = mapError(error, 'req-1');
    expect(mapped.status).toBe(status);
    expect(mapped.body.code).toBe(code);
    expect(mapped.body.requestId).toBe('req-1');
    expect(mapped.unexpected).toBe(false);
  });

  it('keeps field details of validation errors', () => {
    const body = mapError(ValidationError.field('period', 'bad')).body;
    expect(body.details).toEqual([{ field: 'period', problem: 'bad' }]);
  });

  it('maps Nest HttpExceptions by status', () => {
    expect(mapError(new NotFoundException('Cannot GET /x')).body).toEqual({
      code: 'not_found',
      message: 'Cannot GET /x',
      details: [],
    });
    const pipe = mapError(new BadRequestException(['a must be a string']));
    expect(pipe.body.details).toEqual([{ field: '', problem: 'a must be a string' }]);
    expect(mapError(new HttpException('slow down', 429)).body.code).toBe('too_many_requests');
  });

  it('maps body-parser errors without leaking their text', () => {
    const tooLarge = Object.assign(new Error('request entity too large: limit 102400'), {
      status: 413,
      type: 'entity.too.large',
    });
    const mapped = mapError(tooLarge);
    expect(mapped.status).toBe(413);
    expect(mapped.body.code).toBe('payload_too_large');
    expect(mapped.body.message).not.toContain('102400');
  });

  it('maps zod errors to field details', () => {
    const result = z.object({ a: z.number() }).safeParse({ a: 'x' });
    if (result.success) throw new Error('expected failure');
    const mapped = mapError(result.error);
    expect(mapped.status).toBe(400);
    expect(mapped.body.details[0]?.field).toBe('a');
  });

  it('hides unknown errors behind a generic 500', () => {
    const mapped = mapError(new Error('relation "secret_table" does not exist'));
    expect(mapped.status).toBe(500);
    expect(mapped.unexpected).toBe(true);
    expect(JSON.stringify(mapped.body)).not.toContain('secret_table');
  });
});

describe('validation errors', () => {
  it('flattens nested class-validator errors to dotted paths', () => {
    const details = flattenValidationErrors([
      {
        property: 'kpis',
        children: [
          {
            property: '0',
            children: [{ property: 'weight', constraints: { min: 'weight must not be less than 0' } }],
          },
        ],
      },
      { property: 'reason', constraints: { isNotEmpty: 'reason should not be empty' } },
    ]);
    expect(details).toEqual([
      { field: 'kpis.0.weight', problem: 'weight must not be less than 0' },
      { field: 'reason', problem: 'reason should not be empty' },
    ]);
    expect(validationExceptionFactory([])).toBeInstanceOf(ValidationError);
  });
});
