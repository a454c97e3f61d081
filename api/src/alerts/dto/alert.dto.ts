import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_CHANNELS,
  ALERT_EVENT_STATES,
  ALERT_RULE_KINDS,
  type AlertEventState,
  type AlertRuleKind,
  type UpsertAlertRuleRequest,
} from '@civicpulse/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class UpsertAlertRuleDto implements UpsertAlertRuleRequest {
  @ApiProperty({ example: '第1区拥堵超标' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ALERT_RULE_KINDS })
  @IsIn(ALERT_RULE_KINDS)
  kind!: AlertRuleKind;

  @ApiProperty({ example: 'traffic.peak_congestion_delay_index' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, { message: 'indicatorCode must be an indicator code' })
  indicatorCode!: string;

  @ApiPropertyOptional({ nullable: true, example: '990101', description: 'null = every region' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'regionCode must be a region code' })
  regionCode!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description:
      'Bound (above/below: strictly above/below fires) or signed percent (change_pct: positive fires on a rise of more than it, negative on a fall of more than it)',
  })
  @ValidateIf(
    (o: UpsertAlertRuleDto) => o.kind !== 'stale' || (o.threshold !== null && o.threshold !== undefined),
  )
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'threshold is required for above, below and change_pct rules' },
  )
  @Min(-1e12)
  @Max(1e12)
  threshold!: number | null;

  @ApiPropertyOptional({
    nullable: true,
    description:
      'Comparison span (change_pct) or how long after the end of the latest period a newer one may take (stale), seconds',
  })
  @ValidateIf(
    (o: UpsertAlertRuleDto) =>
      o.kind === 'stale' ||
      o.kind === 'change_pct' ||
      (o.windowSeconds !== null && o.windowSeconds !== undefined),
  )
  @IsInt({ message: 'windowSeconds is required for stale and change_pct rules' })
  @Min(60)
  @Max(366 * 86_400)
  windowSeconds!: number | null;

  @ApiProperty({
    enum: ALERT_CHANNELS,
    isArray: true,
    default: ['in_app'],
    description:
      'in_app: the alert list; webhook: also posted to ALERT_WEBHOOK_URL (DingTalk robot markdown)',
  })
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(ALERT_CHANNELS, { each: true })
  channels!: string[];

  @ApiProperty({ default: true })
  @IsBoolean()
  enabled!: boolean;
}

export class AlertEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALERT_EVENT_STATES })
  @IsOptional()
  @IsIn(ALERT_EVENT_STATES)
  state?: AlertEventState;
}
