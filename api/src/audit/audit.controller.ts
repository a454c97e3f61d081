import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditLogEntryDto, Page } from '@civicpulse/contracts';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ description: 'Audit entries, newest first' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditLogEntryDto>> {
    return this.audit.list(query);
  }
}
