import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SourceDetailDto, SourceDto } from '@civicpulse/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CodeParamPipe } from '../common/param-pipes';
import { SetSourceEnabledDto, UpsertSourceDto } from './dto/source.dto';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @Roles('operator')
  @ApiOkResponse({ description: 'Sources with their last run and next scheduled run' })
  list(): Promise<SourceDto[]> {
    return this.sources.list();
  }

  @Get(':key')
  @Roles('operator')
  @ApiOkResponse({ description: 'One source with its manifest' })
  get(@Param('key', CodeParamPipe) key: string): Promise<SourceDetailDto> {
    return this.sources.get(key);
  }

  @Post()
  @Roles('data_admin')
  @ApiCreatedResponse({ description: 'Created from a validated manifest' })
  @ApiConflictResponse({ description: 'Key already used' })
  create(@CurrentUser() actor: AuthUser, @Body() body: UpsertSourceDto): Promise<SourceDetailDto> {
    return this.sources.create(actor, body);
  }

  @Put(':key')
  @Roles('data_admin')
  @ApiOkResponse({ description: 'Manifest replaced' })
  replace(@CurrentUser() actor: AuthUser, @Param('key', CodeParamPipe) key: string, @Body() body: UpsertSourceDto): Promise<SourceDetailDto> {
    return this.sources.replace(actor, key, body);
  }

  @Patch(':key')
  @Roles('data_admin')
  @ApiOkResponse({ description: 'Enabled or disabled' })
  setEnabled(@CurrentUser() actor: AuthUser, @Param('key', CodeParamPipe) key: string, @Body() body: SetSourceEnabledDto): Promise<SourceDetailDto> {
    return this.sources.setEnabled(actor, key, body.enabled);
  }

  @Delete(':key')
  @HttpCode(204)
  @Roles('data_admin')
  @ApiNoContentResponse({ description: 'Deleted (only sources that never ran)' })
  @ApiConflictResponse({ description: 'The source has runs or comes from the catalogue' })
  remove(@CurrentUser() actor: AuthUser, @Param('key', CodeParamPipe) key: string): Promise<void> {
    return this.sources.remove(actor, key);
  }
}
