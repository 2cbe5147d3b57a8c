import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 500;

/** `limit` and `offset`, accepted by every list route. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

const pages = new Map<Class<unknown>, Class<Page<unknown>>>();

/**
 * The documented shape of a list of `item`s, `{ items, total, limit, offset }`:
 * one named schema per item type (`UnitViewPage`), for `@ApiOkResponse({ type })`.
 */
export function PageOf<T>(item: Class<T>): Class<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Class<Page<T>>;
  class ItemPage implements Page<T> {
    @ApiProperty({ type: () => [item] }) items: T[];
    @ApiProperty({ type: 'integer', description: 'Items matching the filters, across all pages' }) total: number;
    @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE }) limit: number;
    @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
  pages.set(item, ItemPage);
  return ItemPage;
}
