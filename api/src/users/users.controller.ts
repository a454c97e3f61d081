import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { UserDto } from '@civicpulse/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdParamPipe } from '../common/param-pipes';
import type { AuthUser } from '../auth/auth-user';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ description: 'All users' })
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ description: 'The created user' })
  @ApiConflictResponse({ description: 'Username taken' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'The updated user (role, department scope, disabled, password)' })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdParamPipe) id: number,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(actor, id, body);
  }
}
