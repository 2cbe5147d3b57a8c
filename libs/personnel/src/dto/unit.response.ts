import { LocalizedText } from '@lms/core';
import { ApiProperty } from '@nestjs/swagger';

export class UnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ALM-BOST' }) code: string;
  @ApiProperty({ example: 'Бостандық ауданының полиция басқармасы' }) name: string;
  @ApiProperty({
    type: 'object',
    properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } },
    description: 'The name by language, where given (`{}` otherwise: then `name`)',
  })
  names: Partial<LocalizedText>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the root (the ministry)' })
  parentId: string | null;
  @ApiProperty({ type: 'integer', description: 'The root is 1, its children 2, ...' }) depth: number;
  @ApiProperty({ example: 'Asia/Almaty' }) timezone: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

/** A unit with the path down to it and its direct sub-units. */
export class UnitDetail extends UnitView {
  @ApiProperty({ type: [UnitView], description: 'From the root down to the parent' }) ancestors: UnitView[];
  @ApiProperty({ type: [UnitView] }) children: UnitView[];
}

export class UnitTreeNode extends UnitView {
  @ApiProperty({ type: () => [UnitTreeNode] }) children: UnitTreeNode[];
}
